import Link from 'next/link';
import { getSettings } from '@/lib/content/published';
import { MastheadSearch } from './search/masthead-search';

const nav = [
  { href: '/issues', label: 'Archive' },
  { href: '/meetings', label: 'Meetings' },
  { href: '/publications', label: 'Publications' },
  { href: '/topics', label: 'Topics' },
  { href: '/contribute', label: 'Send us news' },
  { href: '/subscribe', label: 'Subscribe' },
];

/** The masthead: the publication's title and publisher come from publication settings. */
export async function SiteHeader() {
  const settings = await getSettings();
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="masthead">
          <span className="masthead__title">{settings.title}</span>
          {settings.subtitle && <span className="masthead__subtitle">{settings.subtitle}</span>}
        </Link>
        {settings.publisher && <p className="masthead__publisher">{settings.publisher}</p>}
        <nav aria-label="Main" className="site-nav">
          <ul>
            {nav.map((n) => (
              <li key={n.href}>
                <Link href={n.href}>{n.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <MastheadSearch />
      </div>
    </header>
  );
}
