package org.spinout.document;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spinout.security.SpinoutUser;
import org.spinout.web.Forbidden;
import org.spinout.web.NotFound;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Upload to a task or a programme, and download. Each request is checked against the user:
 * uploading to a task someone may not see is refused (403), and a programme or document they
 * may not see is not found (404), so that its existence is not given away.
 */
@Controller
class DocumentController {

	static final String UPLOAD_VIEW = "document/upload";

	static final String PROGRAMME_VIEW = "document/programme";

	/** The flash attribute the pages' notification banner (fragments/messages) shows. */
	static final String SUCCESS = "success";

	/** Where an upload may send the person back to: a page of Spinout's tasks or programmes, never elsewhere. */
	private static final Pattern RETURN_PATH = Pattern.compile("/(tasks|programmes)/[A-Za-z0-9._~%/?=&+-]*");

	private static final Logger log = LoggerFactory.getLogger(DocumentController.class);

	private final Documents documents;

	private final DocumentTypes types;

	DocumentController(Documents documents, DocumentTypes types) {
		this.documents = documents;
		this.types = types;
	}

	@PostMapping("/tasks/{taskId}/documents")
	ModelAndView uploadToTask(@PathVariable String taskId, @RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String returnTo, @AuthenticationPrincipal SpinoutUser user,
			RedirectAttributes redirect) {
		Documents.TaskPlace task = documents.openTask(user, taskId).orElseThrow(NotFound::new);
		if (!task.visible()) {
			throw new Forbidden();
		}
		return upload(task.place(), Documents.taskUploadAction(taskId), returnTo, file, user, redirect);
	}

	@PostMapping("/programmes/{reference}/documents")
	ModelAndView uploadToProgramme(@PathVariable String reference,
			@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String returnTo,
			@AuthenticationPrincipal SpinoutUser user, RedirectAttributes redirect) {
		Documents.ProgrammePlace programme = documents.programme(user, reference).orElseThrow(NotFound::new);
		String action = Documents.programmeUploadAction(reference);
		if (programme.ended()) {
			return refusal(action, returnTo,
					new RefusedDocument(HttpStatus.CONFLICT, Documents.programmeEndedMessage()));
		}
		return upload(programme.place(), action, returnTo, file, user, redirect);
	}

	/** The programme's documents on a page of their own, where a programme upload comes back to. */
	@GetMapping("/programmes/{reference}/documents")
	String programmeDocuments(@PathVariable String reference, @AuthenticationPrincipal SpinoutUser user,
			Model model) {
		documents.programme(user, reference).orElseThrow(NotFound::new);
		String action = Documents.programmeUploadAction(reference);
		model.addAttribute("reference", reference);
		model.addAttribute("documents", documents.forProgramme(reference));
		model.addAttribute("uploadAction", action);
		model.addAttribute("returnTo", action);
		return PROGRAMME_VIEW;
	}

	@GetMapping("/documents/{attachmentId}")
	ResponseEntity<byte[]> download(@PathVariable String attachmentId, @AuthenticationPrincipal SpinoutUser user) {
		Documents.Download download = documents.download(user, attachmentId).orElseThrow(NotFound::new);
		return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(download.mediaType()))
				.contentLength(download.content().length)
				// Always a download, never shown in the page: a document is not part of Spinout.
				.header(HttpHeaders.CONTENT_DISPOSITION, attachment(download.fileName()))
				.header("X-Content-Type-Options", "nosniff")
				.body(download.content());
	}

	/** A plain file name as it is; any other encoded (RFC 5987), which every current browser reads. */
	private static String attachment(String fileName) {
		boolean plain = fileName.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
		ContentDisposition.Builder disposition = ContentDisposition.attachment();
		return (plain ? disposition.filename(fileName) : disposition.filename(fileName, StandardCharsets.UTF_8))
				.build().toString();
	}

	/**
	 * Where to send the person after an upload: the page they came from, when it is one of
	 * Spinout's task or programme pages; otherwise the task's page, or the programme's documents.
	 */
	static String returnPath(String requested, String uploadAction) {
		if (requested != null && RETURN_PATH.matcher(requested).matches() && !requested.contains("..")
				&& !requested.contains("//")) {
			return requested;
		}
		return uploadAction.startsWith("/tasks/")
				? uploadAction.substring(0, uploadAction.length() - "/documents".length())
				: uploadAction;
	}

	private ModelAndView upload(Documents.Place place, String action, String returnTo, MultipartFile file,
			SpinoutUser user, RedirectAttributes redirect) {
		try {
			if (file == null) {
				throw new RefusedDocument(HttpStatus.BAD_REQUEST, "Select a file");
			}
			types.checkSize(file.getSize());
			String stored = documents.add(place, user, file.getOriginalFilename(), file.getBytes());
			redirect.addFlashAttribute(SUCCESS, "‘" + stored + "’ has been uploaded.");
			return new ModelAndView("redirect:" + returnPath(returnTo, action));
		}
		catch (RefusedDocument refused) {
			log.info("Refused a document from {} for {}: {}", user.id(), action, refused.getMessage());
			return refusal(action, returnTo, refused);
		}
		catch (IOException unreadable) {
			log.warn("Could not read a document uploaded by {} for {}", user.id(), action, unreadable);
			return refusal(action, returnTo,
					new RefusedDocument(HttpStatus.BAD_REQUEST, "The selected file could not be read. Try again"));
		}
	}

	/** The upload form again, with what was wrong, answered with the matching status. */
	private static ModelAndView refusal(String action, String returnTo, RefusedDocument refused) {
		return new ModelAndView(UPLOAD_VIEW, Map.of("uploadAction", action, "returnTo", returnPath(returnTo, action),
				"documentError", refused.getMessage()), refused.status());
	}
}
