// The `platform` input's syntax: `os/arch[/variant]`. (ecr/platform.ts picks that platform's manifest.)
import { InputError } from '../image.js'

export interface Platform {
  os: string
  architecture: string
  variant?: string
}

export function parsePlatform(value: string): Platform | undefined {
  const text = value.trim()
  if (text.length === 0) return undefined
  const parts = text.split('/')
  if (parts.length < 2 || parts.length > 3 || parts.some((part) => !/^[a-z0-9_.-]+$/.test(part)))
    throw new InputError(`platform '${value}' is not os/arch[/variant], for example linux/arm64 or linux/arm/v7.`)
  const [os = '', architecture = '', variant] = parts
  if (os === 'unknown' || architecture === 'unknown')
    throw new InputError(
      `platform '${value}' is not a platform: unknown/unknown entries of an index are BuildKit's attestation manifests. Give os/arch, for example linux/amd64.`
    )
  return { os, architecture, ...(variant !== undefined && { variant }) }
}

export function formatPlatform(platform: Platform): string {
  return [platform.os, platform.architecture, platform.variant].filter(Boolean).join('/')
}
