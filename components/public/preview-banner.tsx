import './preview-banner.css';

/** The band across an unpublished issue shown as a preview: nobody may take it for the published bulletin. */
export function PreviewBanner({ children }: { children: React.ReactNode }) {
  return (
    <div className="preview-banner" role="note" aria-label="Preview">
      <p className="preview-banner__title">Preview — not published</p>
      <p className="preview-banner__text">{children}</p>
    </div>
  );
}
