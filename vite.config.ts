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
  },
  preview: { port: 4173, strictPort: false },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'cli/**/*.test.ts'],
  },
})
