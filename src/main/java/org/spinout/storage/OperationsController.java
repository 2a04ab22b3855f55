package org.spinout.storage;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spinout.time.LondonTime;
import org.spinout.web.NotFound;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operations area for administrators: the state of Spinout's storage, the backups of the
 * embedded database, and taking one now. Security lets only administrators in.
 */
@Controller
class OperationsController {

	static final String VIEW = "storage/operations";

	private static final Logger log = LoggerFactory.getLogger(OperationsController.class);

	private final StorageFigures figures;

	private final ObjectProvider<Backups> backups;

	private final StorageProperties properties;

	OperationsController(StorageFigures figures, ObjectProvider<Backups> backups, StorageProperties properties) {
		this.figures = figures;
		this.backups = backups;
		this.properties = properties;
	}

	@GetMapping("/operations")
	String operations(Model model) {
		model.addAttribute("storage", figures.read());
		Backups embedded = backups.getIfAvailable();
		model.addAttribute("backups", embedded == null ? null : embedded.list().stream().map(BackupRow::of).toList());
		model.addAttribute("schedule", properties.backup());
		return VIEW;
	}

	@PostMapping("/operations/backups")
	String backUpNow(RedirectAttributes redirect) {
		Backups embedded = backups.getIfAvailable();
		if (embedded == null) {
			throw new NotFound();
		}
		try {
			Backup backup = embedded.take();
			redirect.addFlashAttribute("success",
					"Backup " + backup.name() + " taken (" + StorageStatus.readable(backup.size()) + ")");
		}
		catch (Backups.BackupInProgress busy) {
			redirect.addFlashAttribute("problem",
					"A backup is being taken right now. Wait a minute, then find it in the list below.");
		}
		catch (RuntimeException e) {
			log.error("A backup asked for on the operations page failed", e);
			redirect.addFlashAttribute("problem", "The backup could not be written to " + embedded.folder()
					+ ". Check that Spinout may write to that folder and that its disk has free space, then try again."
					+ " The log says more.");
		}
		return "redirect:/operations";
	}

	@GetMapping("/operations/backups/{name}")
	ResponseEntity<Resource> download(@PathVariable String name) {
		Backups embedded = backups.getIfAvailable();
		Path file = embedded == null ? null : embedded.file(name).orElse(null);
		if (file == null) {
			throw new NotFound();
		}
		return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType("application/zip"))
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
				.body(new FileSystemResource(file));
	}

	/** A backup as the page lists it. */
	record BackupRow(String name, String taken, String size) {

		static BackupRow of(Backup backup) {
			return new BackupRow(backup.name(), LondonTime.moment(backup.taken()),
					StorageStatus.readable(backup.size()));
		}
	}
}
