package township.rollup.web;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import township.rollup.ingest.SubmissionParser;

/**
 * The product's size limit on a file sent, applied before anything of the request is read: a request to
 * send a file whose declared length is above the limit plus room for the form's other fields is answered
 * with the unit's page and a message (a redirect), never parsed. A file a little above the limit, within
 * that room, is refused by {@link Submissions} from the part's size, also before it is read.
 */
final class UploadLimit extends OncePerRequestFilter {

	/** Room for the multipart boundaries, headers and the CSRF field around the file itself. */
	static final long ROOM = 64 * 1024;

	/** The request parameter that tells the unit's page why nothing was received. */
	static final String TOO_LARGE = "too-large";

	private static final Pattern SEND = Pattern.compile("/units/(\\d{12})/submissions");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Matcher m = SEND.matcher(request.getServletPath());
		if ("POST".equals(request.getMethod()) && m.matches()
				&& request.getContentLengthLong() > SubmissionParser.MAX_BYTES + ROOM) {
			response.setHeader("Connection", "close");
			response.sendRedirect(request.getContextPath() + "/units/" + m.group(1) + "?" + TOO_LARGE);
			return;
		}
		chain.doFilter(request, response);
	}

}
