import { renderApp } from '@/components/render-app';
import { App } from './App';
import './popup.css';

renderApp(<App />);
