package org.spinout.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Attachment;
import org.spinout.access.ProgrammeAccess;
import org.spinout.access.TaskAccess;
import org.spinout.contract.Processes;
import org.spinout.identity.People;
import org.spinout.security.ActingUser;
import org.spinout.security.SpinoutUser;
import org.spinout.time.LondonTime;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The documents of a programme, kept by the engine as attachments with their content in its
 * database, on a task or on the programme itself. The engine has no field for the uploader or
 * the size, so both go into the attachment's description ("Uploaded by manager (1234 bytes)"),
 * which also reads well in Camunda's own applications. The upload runs as the user, so the
 * engine's operation log records it under the same name.
 */
@Component
public class Documents {

	private static final Pattern UPLOADED_BY = Pattern.compile("Uploaded by (\\S+) \\((\\d+) bytes\\)");

	private static final String ANY_CONTENT = "application/octet-stream";

	private final TaskService tasks;

	private final HistoryService history;

	private final People people;

	private final ProgrammeAccess programmes;

	private final ActingUser acting;

	private final DocumentTypes types;

	private final TaskAccess taskAccess;

	Documents(TaskService tasks, HistoryService history, People people, ProgrammeAccess programmes,
			ActingUser acting, DocumentTypes types, TaskAccess taskAccess) {
		this.taskAccess = taskAccess;
		this.tasks = tasks;
		this.history = history;
		this.people = people;
		this.programmes = programmes;
		this.acting = acting;
		this.types = types;
	}

	/** Where a document goes: a task and its process instance, or a programme's root instance (no task). */
	record Place(String taskId, String processInstanceId) {
	}

	/** An open task as a place for documents, and whether the user may see the task. */
	record TaskPlace(Place place, boolean visible) {
	}

	/** A programme as a place for documents; once it has ended, nothing more is added to it. */
	record ProgrammePlace(Place place, boolean ended) {
	}

	/** A document to download: its name, the type it was stored with and its bytes. */
	record Download(String fileName, String mediaType, byte[] content) {
	}

	public static String taskUploadAction(String taskId) {
		return "/tasks/" + taskId + "/documents";
	}

	public static String programmeUploadAction(String reference) {
		return "/programmes/" + reference + "/documents";
	}

	/**
	 * What a task page needs for the documents fragment, by the names task/task.html gives them:
	 * the programme's documents, where to upload, and the way back to the task. The caller has
	 * checked that the user may see the task.
	 */
	public Map<String, Object> forTaskPage(String taskId, String reference) {
		return Map.of("documents", reference == null ? List.of() : forProgramme(reference),
				"documentUpload", taskUploadAction(taskId),
				"returnTo", "/tasks/" + taskId);
	}

	/** The open task, and whether the user may see it (by the task pages' own rule). */
	Optional<TaskPlace> openTask(SpinoutUser user, String taskId) {
		return taskAccess.of(user, taskId)
				.filter(permissions -> permissions.task().getProcessInstanceId() != null)
				.map(permissions -> new TaskPlace(
						new Place(taskId, permissions.task().getProcessInstanceId()), permissions.canSee()));
	}

	/** The programme, when it exists and the user may see it; otherwise nothing, with no hint why. */
	Optional<ProgrammePlace> programme(SpinoutUser user, String reference) {
		if (!programmes.canSee(user, reference)) {
			return Optional.empty();
		}
		return history.createHistoricProcessInstanceQuery()
				.processInstanceBusinessKey(reference)
				.processDefinitionKey(Processes.PROGRAMME)
				.rootProcessInstances()
				.list().stream()
				.findFirst()
				.map(root -> new ProgrammePlace(new Place(null, root.getId()), root.getEndTime() != null));
	}

	/**
	 * Checks the file and stores it, as the user, in one engine transaction: a refused file
	 * leaves nothing behind. Returns the name it was stored under.
	 */
	String add(Place place, SpinoutUser user, String fileName, byte[] content) {
		DocumentTypes.Accepted accepted = types.check(fileName, content);
		try {
			acting.run(user, () -> tasks.createAttachment(accepted.type().mediaType(), place.taskId(),
					place.processInstanceId(), accepted.fileName(),
					"Uploaded by " + user.id() + " (" + content.length + " bytes)", new ByteArrayInputStream(content)));
			return accepted.fileName();
		}
		catch (IndexOutOfBoundsException programmeEndedMeanwhile) {
			// the engine finds no execution of a process instance that ended since it was looked up
			throw new RefusedDocument(HttpStatus.CONFLICT, programmeEndedMessage());
		}
	}

	/**
	 * Adds a document to a running programme as the user, with the checks of an upload from the
	 * pages: who may see the programme, and the type of the file. False, with nothing added, when
	 * the user may not see the programme or it has ended.
	 *
	 * @throws RefusedDocument when the file is not of an accepted type
	 */
	public boolean addToProgramme(SpinoutUser user, String reference, String fileName, byte[] content) {
		Optional<ProgrammePlace> programme = programme(user, reference).filter(found -> !found.ended());
		programme.ifPresent(found -> add(found.place(), user, fileName, content));
		return programme.isPresent();
	}

	static String programmeEndedMessage() {
		return "This programme has ended, so no more documents can be added to it";
	}

	/**
	 * Every document of the programme, newest first: those on its root instance, its phases and
	 * their tasks. The caller has checked that the user may see the programme. The queries are
	 * one for the programme's process instances, one per instance for its attachments and one for
	 * the uploaders' names, however many programmes there are.
	 */
	public List<DocumentRow> forProgramme(String reference) {
		List<Attachment> attachments = history.createHistoricProcessInstanceQuery()
				.processInstanceBusinessKey(reference)
				.list().stream()
				.map(HistoricProcessInstance::getId)
				.flatMap(instanceId -> tasks.getProcessInstanceAttachments(instanceId).stream())
				.filter(attachment -> attachment.getUrl() == null)
				.sorted(Comparator.comparing(Attachment::getCreateTime).reversed())
				.toList();
		Map<String, String> names = people.names(attachments.stream()
				.map(attachment -> Uploaded.of(attachment.getDescription()).userId()).toList());
		return attachments.stream().map(attachment -> row(attachment, names)).toList();
	}

	private static DocumentRow row(Attachment attachment, Map<String, String> names) {
		Uploaded upload = Uploaded.of(attachment.getDescription());
		return new DocumentRow(attachment.getId(), attachment.getName(),
				upload.userId() == null ? "Not recorded" : names.getOrDefault(upload.userId(), upload.userId()),
				attachment.getCreateTime(), LondonTime.moment(attachment.getCreateTime()),
				upload.size() == null ? "" : DocumentTypes.sizeText(upload.size()),
				"/documents/" + attachment.getId());
	}

	/** The document, when it exists and the user may see its programme; otherwise nothing, with no hint why. */
	Optional<Download> download(SpinoutUser user, String attachmentId) {
		Attachment attachment = tasks.getAttachment(attachmentId);
		if (attachment == null || attachment.getUrl() != null || attachment.getProcessInstanceId() == null) {
			return Optional.empty();
		}
		HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
				.processInstanceId(attachment.getProcessInstanceId())
				.singleResult();
		if (instance == null || !programmes.canSee(user, instance.getBusinessKey())) {
			return Optional.empty();
		}
		try (InputStream content = tasks.getAttachmentContent(attachmentId)) {
			if (content == null) {
				return Optional.empty();
			}
			// Only Spinout's own types are served as such; anything added another way is plain bytes.
			String mediaType = DocumentType.ofMediaType(attachment.getType()).map(DocumentType::mediaType)
					.orElse(ANY_CONTENT);
			return Optional.of(new Download(attachment.getName(), mediaType, content.readAllBytes()));
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read document " + attachmentId, e);
		}
	}

	/** Who uploaded a document and its size, as Spinout writes them into the description. */
	private record Uploaded(String userId, Long size) {

		static Uploaded of(String description) {
			Matcher matcher = description == null ? null : UPLOADED_BY.matcher(description);
			if (matcher == null || !matcher.matches()) {
				return new Uploaded(null, null);
			}
			return new Uploaded(matcher.group(1), Long.valueOf(matcher.group(2)));
		}
	}
}
