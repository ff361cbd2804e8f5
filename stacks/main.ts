import { App } from 'cdktf';
import { buildExampleApp } from './example-app';

const app = new App();
buildExampleApp(app);
app.synth();
