import Link from 'next/link';
import { getSettings } from '@/lib/content/published';

/** Disclaimer, reproduction notice and contact details, all from publication settings. */
export async function SiteFooter() {
  const s = await getSettings();
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        {s.disclaimer && <p className="site-footer__disclaimer">{s.disclaimer}</p>}
        {s.reproductionNotice && <p className="site-footer__notice">{s.reproductionNotice}</p>}
        <address className="site-footer__contact">
          {s.publisher && <span className="site-footer__publisher">{s.publisher}</span>}
          {s.postalAddress && <span>{s.postalAddress}</span>}
          {s.contactPhone && <span>Tel. {s.contactPhone}</span>}
          {s.contactEmail && (
            <span>
              <a href={`mailto:${s.contactEmail}`}>{s.contactEmail}</a>
            </span>
          )}
          {s.webAddress && (
            <span>
              <a href={s.webAddress.startsWith('http') ? s.webAddress : `https://${s.webAddress}`}>{s.webAddress}</a>
            </span>
          )}
        </address>
        <p className="site-footer__contribute">
          <Link href="/contribute">Information Exchange: send the editors news, a meeting or a publication</Link>
        </p>
        {s.issn && <p className="site-footer__issn">ISSN {s.issn}</p>}
        <p className="site-footer__subscribe">
          <a href="/subscribe">Subscribe to the e-mail edition</a>
        </p>
      </div>
    </footer>
  );
}
