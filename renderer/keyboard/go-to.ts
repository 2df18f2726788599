// Ctrl+G / Cmd+G and the palette's "Go to address": the Memory tab in front, its "go to"
// field focused and selected once React has shown it (Enter there jumps the hex view).
import { useStore } from '../store';

export function goToField(): void {
  useStore.setState({ activeTab: 'memory', workPinned: true });
  requestAnimationFrame(() => {
    const field = document.querySelector<HTMLInputElement>('[data-testid="mem-goto"]');
    field?.focus();
    field?.select();
  });
}
