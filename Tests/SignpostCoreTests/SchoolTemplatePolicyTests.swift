import Foundation
import Testing
@testable import SignpostCore

/// A school's own templates may do what the theme does and nothing that could run a script
/// or load from another website (README, "What a school's own templates may do"). Each
/// hostile template must be refused with a message naming its line; each ordinary one passes.
@Suite("School-template policy")
struct SchoolTemplatePolicyTests {
    func errors(_ template: String, as name: String = "footer") -> [Diagnostic] {
        TemplateCheckerTests.check([name: template]).errors
    }

    @Test(arguments: [
        // Scripts, however they are spelt or assembled.
        ("<footer><script>alert(1)</script></footer>", "cannot run scripts"),
        ("<SCRIPT SRC=\"https://evil.example/x.js\"></SCRIPT>", "does not load one of the theme's own files"),
        ("<script src=\"{{root}}assets/exit-page.js\">alert(1)</script>", "has code in it"),
        ("<script src=\"{{root}}assets/other.js\"></script>", "does not load one of the theme's own files"),
        ("<script src=\"{{web_url}}\"></script>", "{{web_url}} starts the address of what the page loads"),
        ("<scr{{! hidden }}ipt>alert(1)</script>", "cannot run scripts"),
        ("<scr{{#school}}{{/school}}ipt>alert(1)</script>", "where a section cannot start"),
        ("<{{#school}}script{{/school}}>alert(1)</script>", "where a section cannot start"),
        // Event handlers.
        ("<a href=\"#\" onclick=\"alert(1)\">x</a>", "the attribute onclick would run a script"),
        ("<a/onclick=\"alert(1)\">x</a>", "onclick would run a script"),
        ("<a title=\"x\"onmouseover=\"alert(1)\">x</a>", "onmouseover would run a script"),
        ("<body ONLOAD=alert(1)>", "onload would run a script"),
        ("<a o{{#school}}{{/school}}nclick=\"alert(1)\">x</a>", "where a section cannot start"),
        ("<a {{#school}}o{{/school}}nclick=\"alert(1)\">x</a>", "are in different places"),
        // Addresses that run scripts or lead nowhere safe.
        ("<a href=\"javascript:alert(1)\">x</a>", "would run a script"),
        ("<a href=\" JaVaScRiPt:alert(1)\">x</a>", "would run a script"),
        ("<a href=\"java\tscript:alert(1)\">x</a>", "would run a script"),
        ("<a href=\"java&#x09;script:alert(1)\">x</a>", "character code"),
        ("<a href=\"&#106;avascript:alert(1)\">x</a>", "character code"),
        ("<a href=\"{{root}}javascript:alert(1)\">x</a>", "would run a script"),
        // swift-mustache drops a lone tag's line (spaces and all), and "{{" before a line break.
        ("<a href=\"java\n  {{! hidden }}  \nscript:alert(1)\">x</a>", "would run a script"),
        ("<a href=\"java{{\nscript:alert(1)\">x</a>", "would run a script"),
        ("<a href=\"data:text/html,<script>alert(1)</script>\">x</a>", "would run a script"),
        ("<a href=\"vbscript:x\">x</a>", "would run a script"),
        ("<form action=\"javascript:alert(1)\"></form>", "would run a script"),
        ("<button formaction=\"javascript:alert(1)\">x</button>", "would run a script"),
        ("<a href=\"{{summary}}\">x</a>", "{{summary}} starts the web address"),
        ("<a href=\"java{{summary}}\">x</a>", "{{summary}} starts the web address"),
        ("<a href=\"{{#school}}javascript:{{/school}}alert(1)\">x</a>", "a section starts the web address"),
        ("<a href=\"https://example.org\" ping=\"https://evil.example\">x</a>", "reports each click"),
        // Loading from other websites.
        ("<img src=\"https://evil.example/t.gif\" alt=\"\">", "from another place (https:)"),
        ("<img src=\"//evil.example/t.gif\" alt=\"\">", "starts with //"),
        ("<img src=\"/{{summary}}\" alt=\"\">", "{{summary}} starts the address of what the page loads"),
        ("<img srcset=\"https://evil.example/t.gif 1x\" alt=\"\">", "may only list the site's own pictures"),
        ("<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">", "does not load one of the theme's own files"),
        ("<link rel=\"preload\" href=\"//evil.example/x\">", "does not load one of the theme's own files"),
        ("<style>@import url(https://evil.example/x.css);</style>", "@import"),
        ("<style>body{background:url(https://evil.example/x.png)}</style>", "from another place"),
        ("<style>b{background:u\\72l(https://evil.example/x)}</style>", "escapes"),
        ("<div style=\"background:url(//evil.example/x)\"></div>", "from another place"),
        ("<div style=\"{{summary}}\"></div>", "a value inside style"),
        ("<style>{{summary}}</style>", "inside <style>"),
        ("<p style=\"width:expression(alert(1))\"></p>", "expression"),
        ("<p style=\"behavior: url(x.htc)\">x</p>", "behavior"),
        // Elements a school's template cannot use.
        ("<iframe src=\"https://example.org\"></iframe>", "<iframe>"),
        ("<object data=\"x\"></object>", "<object>"),
        ("<embed src=\"x.swf\">", "<embed>"),
        ("<base href=\"https://evil.example/\">", "<base>"),
        ("<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">", "http-equiv"),
        ("<svg><script>alert(1)</script></svg>", "<svg>"),
        ("<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>", "<math>"),
        ("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></p></noscript>", "<noscript>"),
        ("<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>", "<iframe>"),
        ("<div srcdoc=\"x\"></div>", "srcdoc"),
        // Text elements browsers may read as HTML after all (inside <select>).
        ("<title><img src=x onerror=alert(1)></title>", "contains \"<\""),
        ("<select><style><img src=x onerror=alert(1)></style></select>", "contains \"<\""),
        // Escaping switched off.
        ("<p>{{{summary}}}</p>", "without escaping it"),
        ("<p>{{{reversed(body)}}}</p>", "without escaping it"),
        ("<p>{{& body}}</p>", "turns HTML escaping off"),
        ("{{% CONTENT_TYPE: TEXT }}<p>{{summary}}</p>", "changes how values are escaped"),
        ("{{=<% %>=}}<p><%&summary%></p>", "changes the marks"),
        ("<a title=\"{{{body}}}\">x</a>", "pieces of HTML can only go between tags"),
        // Values where HTML reads them as names.
        ("<a title={{summary}}>x</a>", "without quotes"),
        ("<a {{summary}}>x</a>", "outside any attribute's quotes"),
        ("<{{summary}}>x</{{summary}}>", "makes the name of an HTML tag"),
        ("<h{{card_heading}}>x</h3>", "inside the name of an HTML tag"),
        // Includes and blocks where they would land inside a tag.
        ("<a title=\"{{> school-contacts}}\">x</a>", "templates can only be included between tags"),
        ("{{#school}}<a {{/school}}href=\"x\">y</a>", "are in different places"),
        ("<footer><a href=\"x\"", "the template ends inside an HTML tag"),
        ("<footer><!-- not closed", "the template ends inside an HTML comment"),
    ])
    func hostileTemplatesAreRefused(template: String, expected: String) {
        let found = errors(template)
        #expect(found.contains { $0.message.contains(expected) || ($0.suggestion ?? "").contains(expected) },
                "\(template)\n\(found.map(\.description).joined(separator: "\n"))")
        #expect(found.allSatisfy { $0.file == "\(TemplateCheckerTests.folder)/footer.mustache" && $0.line >= 1 })
    }

    @Test func aBlockTheThemePlacesInsideATagCannotBeReplaced() {
        // person-card.mustache names its heading with {{$h}}h3{{/h}}; replacing it would make any tag.
        let school = "{{<layout}}{{$h}}script{{/h}}{{$content}}{{#people}}{{> person-card}}{{/people}}{{/content}}{{/layout}}\n"
        let found = errors(school, as: "school")
        #expect(found.contains { $0.message.contains("replaces the block h, which Themes/default/templates/person-card.mustache places inside an HTML tag") },
                "\(found.map(\.description))")
        // A school's copy of person-card keeps its {{$h}} in place: nothing replaces it.
        #expect(errors("<li><{{$h}}h3{{/h}} class=\"card-title\">{{person_name}}</{{$h}}h3{{/h}}></li>\n", as: "person-card").isEmpty)
    }

    @Test func aSchoolLayoutCannotPlaceReplacedBlocksInsideATag() {
        let layout = "<!DOCTYPE html><html><body><a title=\"{{$content}}{{/content}}\">x</a></body></html>\n"
        #expect(errors(layout, as: "layout").contains { $0.message.contains("a block that other templates replace can only go between tags") })
    }

    @Test func aReplacementMustEndBetweenTags() {
        let school = "{{<layout}}{{$content}}<a title=\"{{/content}}{{/layout}}\n"
        #expect(errors(school, as: "school").contains { $0.message.contains("the template ends inside") })
    }

    /// Each as a copy of a template whose values have the names it uses (a name the template
    /// cannot see is a mistake of its own: `TemplateNameTests`).
    @Test(arguments: [
        ("<p>PINE OVERRIDE {{title}}</p>", "school"),
        ("<li>STOKE CARD <{{card_heading}}><a href=\"{{link}}\">{{name}}</a></{{card_heading}}></li>\n", "entry-card"),
        ("<nav>{{#breadcrumbs}} <a href=\"{{root}}{{crumb_url}}\">{{crumb_name}}</a>{{/breadcrumbs}}</nav>\n", "footer"),
        ("<a href=\"https://www.example.org/?a=1&amp;b=2\">Our partner</a> <a href=\"mailto:{{school_email}}\">{{school_email}}</a>", "school-contacts"),
        ("<a href=\"#main\">Skip</a> <a href=\"tel:01905772740\">Call</a> <a href=\"/about/\">About</a> <a href=\"{{root}}{{home_url}}\">Home</a>", "footer"),
        ("{{#school}}{{#logo_url}}<img src=\"{{root}}{{logo_url}}\" alt=\"{{logo_alt}}\">{{/logo_url}}<p>{{school_name}}</p>{{/school}}", "footer"),
        ("<!-- the school's own footer, {{school_name}} --><footer class=\"site-footer\">{{{footer_html}}}</footer>", "school-contacts"),
        ("<p title=\"{{#school}}{{school_name}}{{/school}}\" class=\"note{{#reviewed}} reviewed{{/reviewed}}\">x</p>", "footer"),
        ("{{#toc}}<li{{#toc_sub}} class=\"toc-sub\"{{/toc_sub}}><a href=\"#{{toc_anchor}}\">{{toc_text}}</a></li>{{/toc}}", "page"),
        ("<div style=\"color: #123456; margin: 0 auto\">{{{body}}}</div><style>p { color: #0b0c0c; }</style>", "page"),
        ("<body{{#brand_style}} style=\"{{brand_style}}\"{{/brand_style}}><textarea>{{page_summary}}</textarea><title>{{title}}</title></body>", "page"),
        ("<script src=\"{{root}}assets/exit-page.js\" defer></script><link rel=\"stylesheet\" href=\"{{root}}assets/style.css\">", "footer"),
        ("{{! a note for whoever edits this }}<footer>{{> school-contacts}}</footer>", "footer"),
        ("{{<layout}}{{$content}}<p>{{title}}</p>{{/content}}{{/layout}}", "school"),
        ("<img src=\"{{root}}{{logo_url}}\" alt=\"\" width=\"10\"><br/><input type=\"checkbox\" checked>", "school-contacts"),
        ("<div style=\"scroll-behavior: smooth\"><!--{{title}}--><!---->{{title}}</div>", "page"),
    ])
    func ordinaryTemplatesPass(template: String, name: String) {
        #expect(errors(template, as: name).isEmpty, "\(errors(template, as: name).map(\.description))")
    }

    @Test func aHostileTemplateStopsTheSchoolsPagesAndCheckReportsIt() {
        let log = TemplateCheckerTests.prepared(["footer": "<footer>\n<a href=\"javascript:alert(1)\" onclick=\"steal()\">Help</a>\n</footer>\n"])
        let found = log.errors(in: "\(TemplateCheckerTests.folder)/footer.mustache")
        #expect(found.count == 2 && found.allSatisfy { $0.line == 2 }, "\(log.summary)")
    }
}

extension SchoolTemplatePolicyTests {
    /// The theme's `<head>` carries the Content-Security-Policy (issue 25); a school's copy of
    /// it may keep it, as a policy can only take away. Any other `http-equiv` stays refused.
    @Test func aSchoolsCopyOfTheHeadMayKeepThePolicy() throws {
        let layout = try String(contentsOf: County.theme.appendingPathComponent("templates/layout.mustache"), encoding: .utf8)
        #expect(layout.contains(ContentSecurityPolicy.metaTag))
        #expect(errors(layout, as: "layout").isEmpty, "\(errors(layout, as: "layout").map(\.message))")
        let refresh = layout.replacingOccurrences(of: ContentSecurityPolicy.metaTag, with: "<meta http-equiv=\"refresh\" content=\"0; url=https://example.org\">")
        #expect(errors(refresh, as: "layout").contains { $0.message.contains("http-equiv") })
    }
}
