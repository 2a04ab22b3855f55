package org.spinout.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The links of the GOV.UK pagination component for a list page, keeping the page's filters and
 * sort order in each link.
 */
public record Pagination(String previous, String next, List<Link> links) {

	public record Link(Integer number, String url, boolean current) {

		public boolean isEllipsis() {
			return number == null;
		}
	}

	public static Pagination of(String path, Map<String, String> params, int page, long pages) {
		List<Link> links = new ArrayList<>();
		Integer last = null;
		for (long number = 1; number <= pages; number++) {
			boolean nearby = number == 1 || number == pages || Math.abs(number - page) <= 1;
			if (!nearby) {
				continue;
			}
			if (last != null && number - last > 1) {
				links.add(new Link(null, null, false));
			}
			links.add(new Link((int) number, url(path, params, (int) number), number == page));
			last = (int) number;
		}
		return new Pagination(page > 1 ? url(path, params, page - 1) : null,
				page < pages ? url(path, params, page + 1) : null, pages > 1 ? links : List.of());
	}

	/**
	 * The links for a list whose length is not counted: the pages up to this one, and the next when
	 * the list goes on, followed by an ellipsis for what lies beyond.
	 */
	public static Pagination openEnded(String path, Map<String, String> params, int page, boolean more) {
		Pagination known = of(path, params, page, more ? page + 1 : page);
		if (!more) {
			return known;
		}
		List<Link> links = new ArrayList<>(known.links());
		links.add(new Link(null, null, false));
		return new Pagination(known.previous(), known.next(), links);
	}

	private static String url(String path, Map<String, String> params, int page) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath(path);
		params.forEach((name, value) -> {
			if (!name.equals("page") && value != null && !value.isBlank()) {
				url.queryParam(name, value);
			}
		});
		return url.queryParam("page", page).encode().build().toUriString();
	}
}
