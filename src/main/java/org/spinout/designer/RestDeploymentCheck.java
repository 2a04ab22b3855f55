package org.spinout.designer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.fileupload.FileItemIterator;
import org.apache.commons.fileupload.FileItemStream;
import org.apache.commons.fileupload.FileUpload;
import org.apache.commons.fileupload.FileUploadException;
import org.apache.commons.fileupload.RequestContext;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.spinout.engine.SignedIn;
import org.spinout.identity.Role;
import org.spinout.model.DeploymentPolicy;
import org.spinout.model.ModelFile;
import org.spinout.model.ModelPolicyProperties;
import org.spinout.model.ModelProblem;
import org.spinout.security.ReadAgainRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Runs the designer's checks on a deployment sent to the REST API (Camunda Modeler's "deploy"),
 * before the REST API sees it: with an error it answers 400 with every problem and the element
 * it concerns; otherwise it adds the deployed forms the models reference and the upload does not
 * carry (Camunda Modeler sends one file at a time), lets the REST API deploy, and adds the
 * warnings to its answer. The safety policy holds inside the engine as well; this gives the same
 * answer the designer pages give. Callers who may not deploy pass straight to the engine, which
 * refuses them with 403.
 */
final class RestDeploymentCheck extends OncePerRequestFilter {

	private static final Pattern CREATE = Pattern.compile("/engine-rest(/engine/[^/]+)?/deployment/create/?");

	/** The REST API's own fields; every other part is a file to deploy. */
	private static final Set<String> FIELDS = Set.of("deployment-name", "deployment-source", "deployment-activation-time",
			"enable-duplicate-filtering", "deploy-changed-only", "tenant-id");

	private final DesignerDeployments deployments;

	private final DeploymentPolicy policy;

	private final AuthorizationService authorizations;

	private final IdentityService identity;

	private final ObjectMapper json = new ObjectMapper();

	RestDeploymentCheck(DesignerDeployments deployments, DeploymentPolicy policy, AuthorizationService authorizations,
			IdentityService identity) {
		this.deployments = deployments;
		this.policy = policy;
		this.authorizations = authorizations;
		this.identity = identity;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !"POST".equals(request.getMethod()) || !CREATE.matcher(path).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!mayDeploy()) {
			chain.doFilter(request, response);
			return;
		}
		long limit = policy.properties().maxDeploymentSize();
		byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
		if (body.length > limit) {
			refuse(response, List.of(ModelProblem.of("deployment", "is larger than the limit of "
					+ ModelPolicyProperties.FILES_PER_DEPLOYMENT + " files of " + policy.megabytes() + " MB")));
			return;
		}
		List<Part> parts;
		try {
			parts = parts(body, request.getContentType(), request.getCharacterEncoding());
		}
		catch (FileUploadException | IOException unreadable) {
			// not a multipart form: the REST API answers that itself
			chain.doFilter(new ReadAgainRequest(request, body), response);
			return;
		}
		List<ModelFile> files = parts.stream().filter(part -> !FIELDS.contains(part.field()))
				.map(part -> ModelFile.named(part.fileName(), part.content())).toList();
		DesignerDeployments.Checked checked = deployments.check(files, false);
		if (checked.hasErrors()) {
			refuse(response, checked.problems());
			return;
		}
		HttpServletRequest deployment = new ReadAgainRequest(request, body);
		if (!checked.addedForms().isEmpty()) {
			List<Part> withForms = new ArrayList<>(parts);
			checked.addedForms().forEach(form -> withForms.add(new Part(form.fileName(), form.fileName(), form.content())));
			String boundary = "spinout-forms-" + System.nanoTime();
			deployment = new WithForms(new ReadAgainRequest(request, multipart(withForms, boundary)),
					"multipart/form-data; boundary=" + boundary);
		}
		if (checked.warnings().isEmpty()) {
			chain.doFilter(deployment, response);
			return;
		}
		ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
		chain.doFilter(deployment, answer);
		addWarnings(answer, checked.warnings());
		answer.copyBodyToResponse();
	}

	/** Adds the warnings beside the REST API's own fields when it deployed; a refusal is left as it is. */
	private void addWarnings(ContentCachingResponseWrapper answer, List<ModelProblem> warnings) throws IOException {
		byte[] deployed = answer.getContentAsByteArray();
		if (deployed.length == 0 || answer.getStatus() != HttpServletResponse.SC_OK) {
			return;
		}
		if (json.readTree(deployed) instanceof ObjectNode object) {
			object.set("warnings", json.valueToTree(warnings.stream().map(RestDeploymentCheck::problem).toList()));
			answer.resetBuffer();
			answer.getOutputStream().write(json.writeValueAsBytes(object));
		}
	}

	/** The upload with the deployed forms added: a new body, so a new boundary in its content type. */
	private static final class WithForms extends HttpServletRequestWrapper {

		private final String contentType;

		WithForms(HttpServletRequest request, String contentType) {
			super(request);
			this.contentType = contentType;
		}

		@Override
		public String getContentType() {
			return contentType;
		}

		@Override
		public String getHeader(String name) {
			if (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
				return contentType;
			}
			if (HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
				return String.valueOf(getContentLengthLong());
			}
			return super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			String replaced = HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)
					|| HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name) ? getHeader(name) : null;
			return replaced == null ? super.getHeaders(name) : Collections.enumeration(List.of(replaced));
		}
	}

	/** One part of the multipart request: a field, or a file with the name it was sent under. */
	private record Part(String field, String fileName, byte[] content) {
	}

	/** The REST API reads file parts by their file name and fields by their part name. */
	private static byte[] multipart(List<Part> parts, String boundary) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (Part part : parts) {
			StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
					.append("Content-Disposition: form-data; name=\"").append(quoted(part.field())).append('"');
			if (part.fileName() != null) {
				head.append("; filename=\"").append(quoted(part.fileName())).append('"').append("\r\n")
						.append("Content-Type: application/octet-stream");
			}
			head.append("\r\n\r\n");
			out.write(head.toString().getBytes(StandardCharsets.UTF_8));
			out.write(part.content());
			out.write("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

	private static String quoted(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "").replace("\n", "");
	}

	/** The REST API has signed the caller in to the engine by now; administrators may do everything. */
	private boolean mayDeploy() {
		return SignedIn.to(identity).map(current -> current.groupIds().contains(Role.ADMINISTRATORS.groupId())
				|| authorizations.isUserAuthorized(current.userId(), current.groupIds(), Permissions.CREATE,
						Resources.DEPLOYMENT))
				.orElse(false);
	}

	/** The parts of the upload, read with the library the REST API itself reads them with. */
	private static List<Part> parts(byte[] body, String contentType, String encoding)
			throws FileUploadException, IOException {
		if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
			throw new FileUploadException("not multipart");
		}
		List<Part> parts = new ArrayList<>();
		FileItemIterator items = new FileUpload().getItemIterator(new Body(body, contentType, encoding));
		while (items.hasNext()) {
			FileItemStream item = items.next();
			try (InputStream in = item.openStream()) {
				byte[] content = in.readAllBytes();
				String name = item.getName() != null && !item.getName().isBlank() ? item.getName() : item.getFieldName();
				parts.add(new Part(item.getFieldName(), FIELDS.contains(item.getFieldName()) ? null : name, content));
			}
		}
		return parts;
	}

	private void refuse(HttpServletResponse response, List<ModelProblem> problems) throws IOException {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("type", "ModelValidationException");
		answer.put("message", "Nothing was deployed: " + String.join("; ", problems.stream()
				.filter(problem -> !problem.warning()).map(ModelProblem::describe).toList()));
		answer.put("problems", problems.stream().map(RestDeploymentCheck::problem).toList());
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		json.writeValue(response.getOutputStream(), answer);
	}

	private static Map<String, Object> problem(ModelProblem problem) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("resource", problem.resource());
		item.put("elementId", problem.elementId());
		item.put("elementName", problem.elementName());
		item.put("message", problem.message());
		item.put("warning", problem.warning());
		return item;
	}

	private record Body(byte[] body, String contentType, String encoding) implements RequestContext {

		@Override
		public String getCharacterEncoding() {
			return encoding;
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public String getContentType() {
			return contentType;
		}

		@Override
		public InputStream getInputStream() {
			return new ByteArrayInputStream(body);
		}
	}
}
