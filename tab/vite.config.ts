import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const page = (name: string) => fileURLToPath(new URL(name, import.meta.url));
/** The pages, their entry modules and the configuration page's own parts. */
const ownOfAPage = /\.html$|[\\/]src[\\/](main\.tsx|config\.tsx|ui[\\/]config[\\/])/;

/**
 * Two pages: the tab (side panel, stage, details) and its configuration page; served at /tab/.
 * `--mode deploy` (npm run artefact) builds the tab App Service serves: without the demo council,
 * whose people only the browser mode's dev sign-in offers, and without Vite's manifest.
 */
export default defineConfig(({ mode }) => ({
  base: '/tab/',
  plugins: [react()],
  resolve:
    mode === 'deploy'
      ? {
          alias: [
            {
              find: /^.*\/bot\/fixtures\/council-demo\.json$/,
              replacement: page('src/host/no-demo-council.json'),
            },
          ],
        }
      : {},
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The bench reads it to find each view's initial JavaScript.
    manifest: mode !== 'deploy',
    target: 'es2022',
    rollupOptions: {
      input: { index: page('index.html'), config: page('config.html') },
      output: {
        codeSplitting: {
          // What every view runs before its first render (React, Fluent's core, i18next, the
          // shell) in one chunk: left alone, the bundler cuts it into dozens of small ones
          // wherever a lazily loaded part shares a module, and each pays its own gzip overhead.
          // The pages' own modules stay out, so each page still runs only its own.
          groups: [{ name: 'boot', tags: ['$initial'], test: (id) => !ownOfAPage.test(id) }],
        },
      },
    },
  },
}));
