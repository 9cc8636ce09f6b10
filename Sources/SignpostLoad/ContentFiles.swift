import SignpostModel

/// Which files the loader reads, found through the gate: folders are listed without following
/// links, each file becomes a job, and a school's own templates are read with their problems
/// reported.
extension ContentLoader {
    func display(_ parts: String...) -> String { ([displayRoot] + parts).joined(separator: "/") }

    /// The entries of a folder, or none (after a message when the folder is there but refused).
    func entries(of relative: String, log: DiagnosticLog) -> [FileGate.Entry] {
        switch gate.list(relative) {
        case let .success(entries): return entries
        case .failure(.missing), .failure(.notFolder): return []
        case let .failure(refusal):
            gate.report(refusal, relative, log: log)
            return []
        }
    }

    /// Lists `.md` files in a folder; names that cannot be web addresses are reported, not used.
    /// Links are never followed: a linked `.md` file is an error, any other link is not used.
    func markdownFiles(in relative: String, log: DiagnosticLog) -> [(id: String, relative: String)] {
        let entries = entries(of: relative, log: log)
        var result: [(String, String)] = []
        let validIDs = Set(entries.map(\.name).filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.filter(Slug.isValid))
        for entry in entries {
            let name = entry.name
            let path = "\(relative)/\(name)"
            let shown = display(relative, name)
            guard name.hasSuffix(".md") else {
                if entry.type == .link {
                    log.warning(shown, "this is a link to another place on the computer, so it is not used; Signpost only publishes files that are really in \(displayRoot)/",
                                suggestion: "delete the link, or replace it with the file itself")
                } else if !name.hasSuffix("~"), entry.type != .folder {
                    log.warning(shown, "this file is not used: only .md files are read here")
                }
                continue
            }
            let id = String(name.dropLast(3))
            guard Slug.isValid(id) else {
                if validIDs.contains(Slug.make(id)) {
                    log.error(shown, "\"\(name)\" and \"\(Slug.make(id)).md\" differ only in capitals or spaces, so they would be the same web page", suggestion: "keep one of them: merge what you need into \(Slug.make(id)).md and delete the other")
                } else {
                    log.error(shown, "the file name \"\(name)\" cannot be used in a web address (only lower-case letters, digits and hyphens)", suggestion: "rename it to \"\(Slug.make(id)).md\"")
                }
                continue
            }
            // Links, folders and pipes named .md are read like any file: the gate refuses them with a message.
            result.append((id, path))
        }
        return result
    }

    /// Sub-folders whose names can be web addresses. A linked folder is refused, not followed.
    func subfolders(_ relative: String, log: DiagnosticLog) -> [String] {
        entries(of: relative, log: log).compactMap { entry in
            let name = entry.name
            if entry.type == .link, Slug.isValid(name) {
                gate.report(.link(isFolder: true), "\(relative)/\(name)", log: log)
                return nil
            }
            guard entry.type == .folder else { return nil }
            if !Slug.isValid(name) {
                log.error(display(relative, name), "the folder name \"\(name)\" cannot be used in a web address (only lower-case letters, digits and hyphens)", suggestion: "rename it to \"\(Slug.make(name))\"")
                return nil
            }
            return name
        }
    }

    func plan(log: DiagnosticLog) -> [Job] {
        var jobs: [Job] = []
        for (name, kind) in [("site.yml", Job.Kind.site), ("topics.yml", .topics), ("levels.yml", .levels)] where gate.exists(name) {
            jobs.append(Job(kind: kind, relative: name, id: name))
        }
        for file in markdownFiles(in: "agencies", log: log) {
            jobs.append(Job(kind: .national, relative: file.relative, id: file.id))
        }
        for file in markdownFiles(in: "topics", log: log) {
            jobs.append(Job(kind: .nationalTopic, relative: file.relative, id: file.id))
        }
        for area in subfolders("areas", log: log) {
            if gate.exists("areas/\(area)/area.md") {
                jobs.append(Job(kind: .area, relative: "areas/\(area)/area.md", id: area))
            } else {
                log.error(display("areas", area), "this area folder has no area.md", suggestion: "add area.md with the area's name and levels of need")
            }
            for file in markdownFiles(in: "areas/\(area)/agencies", log: log) {
                jobs.append(Job(kind: .areaAgency(area), relative: file.relative, id: file.id))
            }
            for file in markdownFiles(in: "areas/\(area)/topics", log: log) {
                jobs.append(Job(kind: .areaTopic(area), relative: file.relative, id: file.id))
            }
            if gate.exists("areas/\(area)/topics.yml") {
                jobs.append(Job(kind: .areaTopics(area), relative: "areas/\(area)/topics.yml", id: area))
            }
        }
        // A county's schools are listed in parallel (each is several folders), in order.
        jobs += ParallelMap.map(subfolders("schools", log: log)) { school -> [Job] in
            guard gate.exists("schools/\(school)/school.md") else {
                log.error(display("schools", school), "this school folder has no school.md", suggestion: "run `signpost new school` to start one")
                return []
            }
            var jobs = [Job(kind: .school, relative: "schools/\(school)/school.md", id: school)]
            if gate.exists("schools/\(school)/topics.yml") {
                jobs.append(Job(kind: .schoolTopics(school), relative: "schools/\(school)/topics.yml", id: school))
            }
            for (folder, kind) in [("agencies", Job.Kind.override(school)), ("services", .service(school)), ("pages", .page(school)), ("topics", .topicText(school))] {
                for file in markdownFiles(in: "schools/\(school)/\(folder)", log: log) {
                    jobs.append(Job(kind: kind, relative: file.relative, id: file.id))
                }
            }
            return jobs
        }.flatMap { $0 }
        return jobs
    }

    /// School templates are retired: a `templates/` folder left in a school's folder is an error
    /// at each file in it, saying which `school.md` setting does what the file did.
    func reportRetiredTemplates(school: String, name: String, log: DiagnosticLog) {
        let folder = "schools/\(school)/templates"
        let settings = gate.display("schools/\(school)/school.md")
        let message = "schools no longer have their own templates, so %@ is not used and \(name)'s pages are not built"
        func suggestion(_ file: String) -> String {
            switch file {
            case "footer.mustache", "school-contacts.mustache":
                return "put the school's footer note in `footer_note:` and its own links in `links:` in \(settings), then delete the templates/ folder"
            case "header.mustache", "layout.mustache":
                return "set the school's colour with `colour:` and its logo with `logo:` in \(settings), then delete the templates/ folder"
            default:
                return "a school sets `footer_note:`, `links:`, `colour:` and `logo:` in \(settings); delete the templates/ folder"
            }
        }
        switch gate.list(folder) {
        case .failure(.missing):
            return
        case let .success(entries) where !entries.isEmpty:
            for entry in entries.sorted(by: { $0.name < $1.name }) {
                log.error(gate.display("\(folder)/\(entry.name)"), line: 1, message.replacingOccurrences(of: "%@", with: entry.name),
                          suggestion: suggestion(entry.name))
            }
        default:
            log.error(gate.display(folder), message.replacingOccurrences(of: "%@", with: "this folder"), suggestion: suggestion(""))
        }
    }
}
