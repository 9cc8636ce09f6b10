import Foundation
import SignpostModel
import SignpostRender
import SignpostWrite

/// The benchmark's floor: only Markdown rendering (cmark-gfm, parsing serialised as in the
/// real build) and writing the bytes, in parallel, with no templates, no resolution, no cache.
public enum BenchFloor {
    public static func renderAndWrite(_ documents: [(path: String, markdown: String)], to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try SiteWriter.makeFolders(for: documents.map(\.path), in: folder)
        let renderer = MarkdownRenderer()
        let folderPath = folder.path
        let failures = ParallelMap.map(documents.map { DocumentJob(path: $0.path, markdown: $0.markdown) }) { job -> String? in
            do {
                try SiteWriter.writePage(renderer.render(job.markdown).html, to: job.path, in: folderPath)
                return nil
            } catch { return "\(error)" }
        }
        if let failure = failures.compactMap({ $0 }).first { throw SiteWriter.WriteError.io(failure) }
    }

    struct DocumentJob: Sendable { var path: String; var markdown: String }
}
