import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from './api/client';
import { App } from './app/App';
import { ApiProvider } from './app/api';
import './app/theme.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApiProvider client={createApiClient()}>
      <App />
    </ApiProvider>
  </StrictMode>,
);
