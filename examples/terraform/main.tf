# Lambda from a container image, an App Runner service and an ECS task definition.
variable "worker_tag" {
  type    = string
  default = "v1"
}

resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = aws_iam_role.api.arn
  package_type  = "Image"
  image_uri     = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/api:v1.4.2"
}

resource "aws_apprunner_service" "web" {
  service_name = "web"
  source_configuration {
    image_repository {
      image_identifier      = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:v2-oci"
      image_repository_type = "ECR"
    }
  }
}

resource "aws_ecs_task_definition" "worker" {
  family = "worker"
  container_definitions = jsonencode([
    {
      name      = "worker"
      image     = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:v1"
      essential = true
    },
    {
      name  = "sidecar"
      # image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:old" (a comment: not read)
      image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:${var.worker_tag}"
    }
  ])
}

resource "aws_ecs_task_definition" "batch" {
  family                = "batch"
  container_definitions = <<-EOT
    [
      {
        "name": "batch",
        "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:v3-multi",
        "essential": true
      }
    ]
  EOT
}
