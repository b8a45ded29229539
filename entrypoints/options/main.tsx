import { renderApp } from '@/components/render-app';
import { App } from './App';
import './options.css';

renderApp(<App />);
