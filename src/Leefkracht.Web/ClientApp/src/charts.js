import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Title, Tooltip } from 'chart.js';

// Chart.js with the parts the profile, compare and planner pages draw with, registered once, without animation.

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend, Title);
Chart.defaults.animation = false;
Chart.defaults.font.family = 'system-ui, "DejaVu Sans", sans-serif';

export { Chart };
