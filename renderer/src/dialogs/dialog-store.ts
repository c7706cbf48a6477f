// Which modal dialog is open (at most one): settings or HAR export.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

export type DialogName = 'settings' | 'export';

const dialogs = createStore<{ open?: DialogName }>(() => ({}));

export const useOpenDialog = (): DialogName | undefined => useStore(dialogs, (s) => s.open);
export const openDialog = (open: DialogName): void => dialogs.setState({ open });
export const closeDialog = (): void => dialogs.setState({ open: undefined });
