package org.spinout.designer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.spinout.identity.Role;
import org.spinout.model.DeploymentPolicy;
import org.spinout.model.ModelFile;
import org.spinout.model.ModelPolicyProperties;
import org.spinout.model.ModelProblem;
import org.spinout.security.ReadAgainRequest;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Runs the designer's checks on a deployment sent to the REST API (Camunda Modeler's "deploy"),
 * before the REST API sees it, and answers 400 with each problem and the element it concerns.
 * The safety policy holds inside the engine as well; this gives the same clear answer the
 * designer pages give, and adds the model rules. Callers who may not deploy pass straight to
 * the engine, which refuses them with 403.
 */
final class RestDeploymentCheck extends OncePerRequestFilter {

	private static final Pattern CREATE = Pattern.compile("/engine-rest(/engine/[^/]+)?/deployment/create/?");

	/** The REST API's own fields; every other part is a file to deploy. */
	private static final Set<String> FIELDS = Set.of("deployment-name", "deployment-source", "deployment-activation-time",
			"enable-duplicate-filtering", "deploy-changed-only", "tenant-id");

	private final ModelValidation validation;

	private final DeploymentPolicy policy;

	private final RepositoryService repository;

	private final AuthorizationService authorizations;

	private final IdentityService identity;

	private final ObjectMapper json = new ObjectMapper();

	RestDeploymentCheck(ModelValidation validation, DeploymentPolicy policy, RepositoryService repository,
			AuthorizationService authorizations, IdentityService identity) {
		this.validation = validation;
		this.policy = policy;
		this.repository = repository;
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
		List<ModelFile> files;
		try {
			files = files(body, request.getContentType(), request.getCharacterEncoding());
		}
		catch (FileUploadException | IOException unreadable) {
			// not a multipart form: the REST API answers that itself
			chain.doFilter(new ReadAgainRequest(request, body), response);
			return;
		}
		List<ModelProblem> problems = validation.checkEach(files);
		if (problems.isEmpty()) {
			problems = validation.checkTogether(files, new DeployedModels(repository));
		}
		if (!problems.isEmpty()) {
			refuse(response, problems);
			return;
		}
		chain.doFilter(new ReadAgainRequest(request, body), response);
	}

	/** The REST API has signed the caller in to the engine by now; administrators may do everything. */
	private boolean mayDeploy() {
		Authentication current = identity.getCurrentAuthentication();
		if (current == null) {
			return false;
		}
		List<String> groups = current.getGroupIds() == null ? List.of() : current.getGroupIds();
		return groups.contains(Role.ADMINISTRATORS.groupId()) || authorizations.isUserAuthorized(current.getUserId(),
				groups, Permissions.CREATE, Resources.DEPLOYMENT);
	}

	/** The files of the upload, read with the library the REST API itself reads them with. */
	private static List<ModelFile> files(byte[] body, String contentType, String encoding)
			throws FileUploadException, IOException {
		if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
			throw new FileUploadException("not multipart");
		}
		List<ModelFile> files = new ArrayList<>();
		FileItemIterator items = new FileUpload().getItemIterator(new Body(body, contentType, encoding));
		while (items.hasNext()) {
			FileItemStream item = items.next();
			try (InputStream in = item.openStream()) {
				byte[] content = in.readAllBytes();
				if (FIELDS.contains(item.getFieldName())) {
					continue;
				}
				String name = item.getName() != null && !item.getName().isBlank() ? item.getName() : item.getFieldName();
				files.add(ModelFile.named(name, content));
			}
		}
		return files;
	}

	private void refuse(HttpServletResponse response, List<ModelProblem> problems) throws IOException {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("type", "ModelValidationException");
		answer.put("message", "Nothing was deployed: " + String.join("; ", problems.stream().map(ModelProblem::describe)
				.toList()));
		answer.put("problems", problems.stream().map(problem -> {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("resource", problem.resource());
			item.put("elementId", problem.elementId());
			item.put("elementName", problem.elementName());
			item.put("message", problem.message());
			return item;
		}).toList());
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		json.writeValue(response.getOutputStream(), answer);
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
