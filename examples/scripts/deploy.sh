#!/bin/sh
# Deploy the API: the reference below is checked (and pinned) like any other.
set -eu
aws ecs update-service --cluster prod --service api --force-new-deployment
docker pull 123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/api:v1.4.2
docker pull "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:${APP_TAG}"
