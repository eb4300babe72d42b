package org.anquan.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.function.BiFunction;
import org.anquan.platform.files.FileJobs;
import org.anquan.platform.files.TabularImport;
import org.anquan.platform.security.CurrentUser;
import org.anquan.shared.BusinessException;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;

/**
 * An import page's upload, the one way: a file of more lines than the import's threshold runs as a file
 * job (the person watches it or comes back under 我的文件, and gets its summary and the refused lines as a
 * workbook); a shorter one runs in the request and the page shows its {@code result}; a file refused
 * whole is shown on the page in words with 422.
 */
@Component
public class ImportPages {

    /** What an import does with a file, how it writes its refused lines as a workbook, and its summary in words. */
    public record Import<R>(Runner<R> run, RejectedWriter<R> writeRejected, BiFunction<R, Locale, String> summary) {
    }

    private final FileJobs fileJobs;
    private final Messages messages;

    ImportPages(FileJobs fileJobs, Messages messages) {
        this.fileJobs = fileJobs;
        this.messages = messages;
    }

    /**
     * Runs the upload; returns the view to show: the job's page for a long file, else {@code view} with
     * {@code result} or the refusal ({@code errorKey}, {@code errorArgs}).
     *
     * @param backgroundTitleKey the job's title, a message with the file's name as its argument
     */
    public <R> String upload(MultipartFile file, CurrentUser me, int backgroundRows, String backgroundTitleKey, Import<R> work,
                             Locale locale, Model model, HttpServletResponse response, String view) throws IOException {
        byte[] bytes = file == null ? null : file.getBytes();
        String fileName = file == null ? null : file.getOriginalFilename();
        int rows = TabularImport.rowsBelowHeader(bytes);
        if (rows > backgroundRows) {
            String shown = fileName == null || fileName.isBlank() ? messages.get("import.unnamed") : fileName;
            String id = fileJobs.start(me.accountId(), messages.get(backgroundTitleKey, shown),
                    messages.get("download.import.rejected", shown) + ".xlsx", Downloads.XLSX, rows, (progress, out) -> {
                        try {
                            R result = work.run().run(bytes, fileName, locale, progress);
                            work.writeRejected().write(result, locale, out);
                            return work.summary().apply(result, locale);
                        } catch (BusinessException e) {
                            throw new FileJobs.Refused(messages.inLocale(e.messageKey(), locale, e.args()));
                        }
                    });
            return "redirect:/jobs/" + id;
        }
        try {
            model.addAttribute("result", work.run().run(bytes, fileName, locale, done -> { }));
        } catch (BusinessException e) {
            response.setStatus(422);
            model.addAttribute("errorKey", e.messageKey());
            model.addAttribute("errorArgs", e.args());
        }
        return view;
    }

    @FunctionalInterface
    public interface Runner<R> {
        R run(byte[] bytes, String fileName, Locale locale, FileJobs.Progress progress);
    }

    @FunctionalInterface
    public interface RejectedWriter<R> {
        void write(R result, Locale locale, OutputStream out) throws IOException;
    }
}
