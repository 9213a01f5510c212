import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Tokens and base rules first: each component's own stylesheet, imported with it, comes after them.
import './styles/tokens.css';
import './styles/base.css';
import { App } from './App';
import { applyStoredTheme } from './shell/theme';

applyStoredTheme();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
