extension HTMLReport {
    /// Calm colours per event kind: no red or orange, since most findings are normal.
    static func colour(_ kind: EventKind) -> String {
        switch kind {
        case .twitch: "#2b7a8c"
        case .cramp: "#7b62a3"
        case .activity: "#7c9a5c"
        case .artifact: "#a3a3a3"
        }
    }

    /// Line colours for per-channel series (twitch rate), cycled.
    static let seriesColours = ["#2b7a8c", "#7b62a3", "#5b8a4a", "#a0785a", "#4a6fa5", "#8c6d8f",
                                "#5f9ea0", "#8a8a5c"]

    /// The style sheet. It must not contain `<` or `&`, since it sits unescaped in a `style`
    /// element that has to stay well-formed XML.
    static let styleSheet = """
        body { font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; \
        color: #26313a; background: #f7f8f6; margin: 0; line-height: 1.45; }
        main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 48px; background: #ffffff; }
        h1 { font-size: 1.6em; margin: 0 0 4px; font-weight: 600; }
        h2 { font-size: 1.2em; margin: 32px 0 8px; font-weight: 600; color: #2f4050; \
        border-bottom: 1px solid #e3e7ea; padding-bottom: 4px; }
        p { margin: 6px 0; }
        .muted { color: #66737f; font-size: 0.92em; }
        .facts { display: flex; flex-wrap: wrap; gap: 8px 28px; margin: 10px 0 14px; padding: 0; \
        list-style: none; }
        .facts li { font-size: 0.95em; }
        .facts b { font-weight: 600; color: #4a5a68; margin-right: 4px; }
        .overview { font-size: 1.05em; background: #f1f5f6; padding: 10px 14px; border-radius: 6px; }
        table { border-collapse: collapse; margin: 8px 0 4px; font-size: 0.92em; }
        th, td { padding: 4px 10px; border-bottom: 1px solid #e6e9ec; text-align: left; }
        th.num, td { text-align: right; }
        th { background: #f3f5f7; font-weight: 600; color: #3d4b57; }
        th:first-child, td:first-child { text-align: left; }
        td { white-space: nowrap; }
        td.text, td:first-child { text-align: left; white-space: normal; }
        svg { display: block; width: 100%; height: auto; margin: 6px 0; }
        svg text { font-family: inherit; font-size: 12px; fill: #4a5864; }
        svg .axis { stroke: #c5ccd2; stroke-width: 1; }
        svg .grid { stroke: #eef1f3; stroke-width: 1; }
        svg .ref { stroke: #8a98a4; stroke-width: 1; stroke-dasharray: 5 4; }
        .legend { display: flex; flex-wrap: wrap; gap: 4px 18px; font-size: 0.9em; margin: 4px 0; }
        .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; \
        margin-right: 5px; vertical-align: -1px; }
        .dash { display: inline-block; width: 20px; height: 0; border-top: 2px dashed #8a98a4; \
        margin-right: 5px; vertical-align: 3px; }
        .flag { border-left: 4px solid #8aa5b5; background: #f4f7f9; padding: 8px 12px; margin: 8px 0; }
        .flag code { font-weight: 600; }
        .rule { color: #5d6b77; font-size: 0.9em; }
        .about { background: #f6f6f1; padding: 10px 14px; border-radius: 6px; }
        """
}
