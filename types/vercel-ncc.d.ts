// The parts of @vercel/ncc's programmatic API that scripts/bundle.js uses (the package ships no types).
declare module '@vercel/ncc' {
  interface NccOptions {
    cache?: boolean
    sourceMap?: boolean
    sourceMapBasePrefix?: string
    filterAssetBase?: string
    transpileOnly?: boolean
    sourceMapRegister?: boolean
    license?: string
    mainFields?: string[]
    quiet?: boolean
    minify?: boolean
    target?: string
  }
  interface NccResult {
    code: string
    map?: string
    assets?: Record<string, { source: string | Buffer; permissions?: number }>
  }
  export default function ncc(entry: string, options?: NccOptions): Promise<NccResult>
}
