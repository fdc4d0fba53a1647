import '@mantine/core/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createI18n } from './i18n/createI18n';
import { connectApi } from './lib/api/connectApi';

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
createRoot(root).render(
  <StrictMode>
    <App api={connectApi()} i18n={createI18n()} />
  </StrictMode>,
);
