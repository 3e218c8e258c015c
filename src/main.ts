import { mount } from 'svelte';
import './app.css';
import './ui/presenter/presenter.css';
import { AppState } from './state/appState.svelte';
import { ComparisonState } from './state/comparison.svelte';
import { createComparisonPort, createWorkerPort } from './state/workerPort';
import App from './ui/App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

const app = new AppState(createWorkerPort());
// A comparison's link makes the scenario it compares the person's run, to go back to.
const comparison = new ComparisonState(createComparisonPort, (scenario) =>
  app.importText(JSON.stringify(scenario)),
);
// A share link in the address bar restores its run; otherwise the first lesson's preset.
app.start(location.hash, 'basics');
// A comparison's link opens the comparison over the default run.
comparison.openLink(location.hash);
// A share link pasted into this tab's address bar changes only the hash: open its run too.
window.addEventListener('hashchange', () => {
  if (!comparison.openLink(location.hash)) app.openShareLink(location.hash);
});

export default mount(App, { target, props: { app, comparison } });
