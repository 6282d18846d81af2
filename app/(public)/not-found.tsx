import { NotFoundMessage } from '@/components/public/not-found-message';

// notFound() from a public page: rendered inside the public layout, which draws the chrome.
export default function PublicNotFound() {
  return <NotFoundMessage />;
}
