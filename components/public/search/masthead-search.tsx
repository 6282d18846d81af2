import './search.css';

/** The masthead's search box: a plain GET form to /search, so it works without JavaScript. */
export function MastheadSearch() {
  return (
    <form role="search" action="/search" method="get" className="masthead-search" aria-label="Search the bulletin">
      <label htmlFor="masthead-q" className="visually-hidden">
        Search the bulletin
      </label>
      <input id="masthead-q" name="q" type="search" placeholder="Search the bulletin" maxLength={256} />
      <button type="submit" className="button">
        Search
      </button>
    </form>
  );
}
