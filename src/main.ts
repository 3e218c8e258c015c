import { mount } from 'svelte';
import './app.css';
import './ui/presenter/presenter.css';
import { AppState } from './state/appState.svelte';
import { createWorkerPort } from './state/workerPort';
import App from './ui/App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

const app = new AppState(createWorkerPort());
// A share link in the address bar restores its run; otherwise the first lesson's preset.
app.start(location.hash, 'basics');
// A share link pasted into this tab's address bar changes only the hash: open its run too.
window.addEventListener('hashchange', () => app.openShareLink(location.hash));

export default mount(App, { target, props: { app } });
