package dev.ticketsync.bench.report;

import java.util.List;

/** Renders score rows as a plain-text table with aligned columns. */
public final class TableFormat {

    private static final String[] HEADER = {"scenario", "figure", "baseline (same run)", "ratio", "target", "result"};

    private TableFormat() {}

    public static String render(List<ScoreRow> rows) {
        String[][] cells = new String[rows.size() + 1][];
        cells[0] = HEADER;
        for (int i = 0; i < rows.size(); i++) {
            ScoreRow row = rows.get(i);
            cells[i + 1] = new String[] {
                row.scenario(),
                row.figure(),
                row.baseline(),
                row.ratio(),
                row.target(),
                row.verdict().label()
            };
        }
        int[] widths = new int[HEADER.length];
        for (String[] line : cells) {
            for (int c = 0; c < line.length; c++) {
                widths[c] = Math.max(widths[c], line[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            appendLine(out, cells[i], widths);
            if (i == 0) {
                String[] rule = new String[widths.length];
                for (int c = 0; c < widths.length; c++) {
                    rule[c] = "-".repeat(widths[c]);
                }
                appendLine(out, rule, widths);
            }
        }
        return out.toString();
    }

    private static void appendLine(StringBuilder out, String[] line, int[] widths) {
        StringBuilder text = new StringBuilder();
        for (int c = 0; c < line.length; c++) {
            text.append(c == 0 ? "" : "  ");
            text.append(line[c]);
            text.append(" ".repeat(widths[c] - line[c].length()));
        }
        out.append(text.toString().stripTrailing()).append('\n');
    }
}
