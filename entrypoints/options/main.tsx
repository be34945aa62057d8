import '@/src/ui/extension-page.css';
import '@/src/options/options.css';
import { render } from 'preact';
import { supportsHighlights } from '@/src/highlighting';
import { OptionsApp } from '@/src/options';

function download(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const root = document.getElementById('app');
if (root) render(<OptionsApp highlightsSupported={supportsHighlights()} download={download} />, root);
