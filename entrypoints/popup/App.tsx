import { DashboardApp } from '@/components/DashboardApp';

export function App() {
  return (
    <main>
      <DashboardApp />
    </main>
  );
}
