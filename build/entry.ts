// The bundle's entry for scripts/bundle.js (see build/tsconfig.json): the action's own entry point.
import '../src/index.js'
