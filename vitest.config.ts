import { defineConfig } from 'vitest/config';

/** Unit tests: pure modules (dates, formatting, chart data, camera maths, content integrity). */
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
