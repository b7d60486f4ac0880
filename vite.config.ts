import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

// One config for the app build and the unit tests. Unit tests run in Node: the layers
// they cover (lib, model, sim, share, store) import no DOM.
export default defineConfig({
  plugins: [react()],
  build: {
    minify: process.env.WIREPLAY_NO_MINIFY ? false : undefined,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Everything the entry imports statically (rolldown's built-in '$initial' tag) goes
          // in the entry chunk itself. Left to automatic splitting, a module the editor
          // loads at once but a lazy chunk imports too (model/rules, model/faults, react,
          // zustand…) became a small chunk of its own, preloaded beside the entry: six
          // extra requests, and 2.5 kB more gzipped than the same code inside one chunk.
          // Lazy chunks stay lazy: the tag holds no module reached only through import().
          groups: [{ name: 'index', tags: ['$initial'] }],
        },
      },
    },
  },
  preview: { port: 4173, strictPort: false },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'cli/**/*.test.ts'],
  },
})
