#!/usr/bin/env python3
"""Compare docpulse's internal link findings with linkchecker's, for one corpus.

Usage:
  analyze.py --corpus NAME --site DIR --http-csv FILE [--file-csv FILE]
             [--excluded TSV] [--classes TSV] [--json OUT.json] [--md OUT.md]

Inputs
  DIR/report.json   docpulse's findings (rule, file, line, details.target) and pages (path -> url).
  --http-csv        linkchecker CSV output (separator ';') of a run over http://127.0.0.1:PORT/
                    serving DIR (folders answer with their index.html, as on a real server).
  --file-csv        optional: linkchecker CSV output of a run over file://DIR/index.html.
  --excluded        the corpus' excluded-files.tsv (files the Markdown links to that are not in
                    the corpus): matched findings on them are labelled "excluded".
  --classes         manual classifications: TSV `corpus side page target fragment class note`
                    (side: docpulse-only | checker-only | srcset; '*' matches any value in page/target/fragment).

Both sides are mapped to one key: (source page URL, target URL path, fragment), all percent-decoded,
paths relative to the site root ('/a/b/' for a/b.md and a/b/README.md).
  docpulse: page = report.json url of the finding's file; broken-link / missing-asset: target = the
            resolved path in the message (`x.md` -> `/x/`, `d/README.md` -> `/d/`, else `/path`),
            fragment ignored; missing-anchor: target = the named page (or the page itself),
            fragment = the #fragment as written.
  linkchecker: it logs each distinct URL once, under the first page it saw it on. So every failing
            URL (404 -> fragment ignored; "Anchor not found" warning -> with fragment) is
            attributed to every page whose HTML links to it, by parsing all pages of the site
            (href/src of a, area, img, link, script, source, video, audio, iframe, embed, track).
            A link inside <article> is content; outside it, theme (nav, toc, breadcrumbs, pager).
"""
import argparse
import csv
import html.parser
import json
import os
import re
import sys
import urllib.parse
from collections import Counter, defaultdict

LINK_RULES = ("broken-link", "missing-asset", "missing-anchor", "link-outside-content")
NOTE_RULES = ("case-mismatch", "backslash-in-link")
LINK_ATTRS = {"a": "href", "area": "href", "link": "href", "img": "src", "script": "src",
              "source": "src", "video": "src", "audio": "src", "iframe": "src", "embed": "src",
              "track": "src"}
HOST = "http://h.invalid"


def unq(s):
    return urllib.parse.unquote(s or "")


def norm_path(p):
    """Site-root path, decoded; '/a/b/index.html' and '/a/b' both become '/a/b/' style key '/a/b'."""
    p = re.sub(r"/{2,}", "/", unq(p))  # linkchecker turns `(https:/x` back into `(https://x`
    if p.endswith("/index.html"):
        p = p[: -len("index.html")]
    if len(p) > 1:
        p = p.rstrip("/")
    return p or "/"


def page_url_of_file(rel):
    """HTML file relative path -> page URL path ('x/y/index.html' -> '/x/y/')."""
    rel = rel.replace(os.sep, "/")
    if rel == "index.html":
        return "/"
    if rel.endswith("/index.html"):
        return "/" + rel[: -len("index.html")]
    return "/" + rel


class PageParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []  # (url, line, in_article)
        self.srcset = []  # srcset candidates of <img>/<source>: linkchecker reads only <img srcset>
        self.ids = set()
        self.article_depth = 0
        self.base = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "article":
            self.article_depth += 1
        if tag == "base" and a.get("href"):
            self.base = a["href"]
        for k in ("id", "name") if tag in ("a",) else ("id",):
            if a.get(k):
                self.ids.add(a[k])
        attr = LINK_ATTRS.get(tag)
        if attr and a.get(attr) is not None:
            self.links.append((a[attr], self.getpos()[0], self.article_depth > 0))
        if tag in ("img", "source") and a.get("srcset"):
            for cand in a["srcset"].split(","):
                url = cand.strip().split(" ")[0]
                if url:
                    self.srcset.append((url, self.getpos()[0], self.article_depth > 0))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "article":
            self.article_depth -= 1

    def handle_endtag(self, tag):
        if tag == "article" and self.article_depth > 0:
            self.article_depth -= 1


def parse_site(site, base_path=""):
    """-> links: list of dict(page, path, frag, line, content), ids: page -> set(ids).
    Pages are served under base_path (e.g. '/cpp'); paths in the result are relative to it."""
    links, ids, srcsets = [], {}, []
    for root, _dirs, files in os.walk(site):
        for fn in files:
            if not fn.endswith(".html"):
                continue
            full = os.path.join(root, fn)
            rel = os.path.relpath(full, site).replace(os.sep, "/")
            if rel.startswith("docpulse-assets/"):
                continue
            page = page_url_of_file(rel)
            served = base_path + page
            p = PageParser()
            with open(full, encoding="utf-8", errors="replace") as fh:
                p.feed(fh.read())
            ids[norm_path(page)] = p.ids
            base = urllib.parse.urljoin(HOST + served, p.base) if p.base else HOST + served
            for url, line, content in [(u, l, c) for (u, l, c) in p.links] + [(u, l, "srcset") for (u, l, c) in p.srcset]:
                url = url.strip()
                absu = urllib.parse.urljoin(base, url)
                sp = urllib.parse.urlsplit(absu)
                if sp.scheme + "://" + sp.netloc != HOST:
                    continue  # external (other scheme/host): not compared
                path = sp.path
                if base_path:
                    if not path.startswith(base_path + "/"):
                        continue  # another site on the same host (e.g. /windows/ beside /cpp/)
                    path = path[len(base_path):]
                rec = {"page": page, "path": norm_path(path), "frag": unq(sp.fragment),
                       "line": line, "content": content, "href": url, "raw_path": unq(path)}
                if content == "srcset":
                    srcsets.append(rec)
                else:
                    links.append(rec)
    return links, ids, srcsets


def read_lc_csv(path):
    if not path or not os.path.exists(path):
        return None
    with open(path, encoding="utf-8", errors="replace") as fh:
        lines = [l for l in fh if not re.match(r"# (created by|Read the documentation|Write comments|Stopped checking)", l)]
    return list(csv.DictReader(lines, delimiter=";"))


def lc_failures(rows, root_prefix, checked=None, anchors_on=True):
    """-> (broken: {path: row}, anchors: {(path, frag): row}, other_warnings: list, visited_pages: set).
    checked (optional set) receives (path, fragment) of every internal URL linkchecker logged."""
    broken, anchors, other, visited = {}, {}, [], set()
    for r in rows:
        url = r["url"]
        if not url.startswith(root_prefix):
            continue
        sp = urllib.parse.urlsplit(url)
        rel = "/" + url[len(root_prefix):].split("#")[0].split("?")[0]
        path = norm_path(urllib.parse.urlsplit(HOST + rel).path)
        if checked is not None:
            if anchors_on:
                checked.add((path, unq(sp.fragment)))
            checked.add((path, None))
        if r["valid"] == "False":
            broken.setdefault(path, r)
            continue
        if r["result"] in ("200 OK", "", "directory"):
            visited.add(path)  # also for page/#frag rows: the page itself was fetched
        w = r["warningstring"]
        if not w:
            continue
        m = re.match(r"Anchor `(.*?)' \(decoded: `(.*?)'\) not found", w)
        if m:
            anchors.setdefault((path, m.group(2)), r)
        else:
            other.append((path, unq(sp.fragment), r["parentname"], w.split(". ")[0]))
    return broken, anchors, other, visited


def dp_findings(report):
    base_path = urllib.parse.urlsplit(report["site"].get("baseUrl") or "").path.rstrip("/")
    page_url = {}
    for p in report["pages"]:
        u = urllib.parse.urlsplit(p["url"]).path
        if base_path and u.startswith(base_path + "/"):
            u = u[len(base_path):]
        page_url[p["path"]] = u
    out, notes, others = [], [], Counter()
    for f in report["findings"]:
        rule = f["rule"]
        if rule not in LINK_RULES + NOTE_RULES:
            others[rule] += 1
            continue
        tgt = f.get("details", {}).get("target", "")
        page = page_url.get(f["file"])
        rec = {"rule": rule, "file": f["file"], "line": f["line"], "col": f["column"],
               "target": tgt, "page": page, "message": f["message"],
               "suggestion": f.get("details", {}).get("suggestion", "")}
        if rule in NOTE_RULES:
            notes.append(rec)
            continue
        ticks = re.findall(r"`([^`]*)`", f["message"])
        if rule == "missing-anchor":
            frag = tgt.split("#", 1)[1] if "#" in tgt else ""
            if "this page has no heading" in f["message"]:
                tpage = page
            else:
                tpage = page_url.get(ticks[1])
            rec.update(path=norm_path(tpage) if tpage else None, frag=unq(frag))
        else:
            resolved = ticks[1] if " points to " in f["message"] and len(ticks) > 1 else None
            if resolved is None:  # link-outside-content etc.: resolve the target as written
                t = tgt.split("#")[0]
                d = os.path.dirname(f["file"])
                resolved = os.path.normpath(os.path.join(d, t)).replace(os.sep, "/")
                while resolved.startswith("../"):
                    resolved = resolved[3:]
            if resolved.endswith(".md"):
                d, b = os.path.split(resolved)
                if b.lower() in ("readme.md", "index.md"):
                    url = "/" + (d + "/" if d else "")
                else:
                    url = "/" + resolved[:-3] + "/"
            else:
                url = "/" + resolved
            rec.update(path=norm_path(url), frag="", resolved=resolved)
        out.append(rec)
    return out, notes, others


def load_classes(path, corpus):
    rules = []
    if path and os.path.exists(path):
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if not line.strip() or line.startswith("#"):
                    continue
                parts = line.rstrip("\n").split("\t")
                if len(parts) < 7 or parts[0] != corpus:
                    continue
                rules.append(parts[1:7])
    return rules


def classify(rules, side, page, target, frag):
    for s, p, t, fr, cls, note in rules:
        if s == side and p in ("*", page) and t in ("*", target) and fr in ("*", frag):
            return cls, note
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--site", required=True)
    ap.add_argument("--http-csv", required=True, action="append")
    ap.add_argument("--http-csv-noanchor", action="append",
                    help="CSV of a linkchecker run without AnchorCheck: counts for pages and 404s only")
    ap.add_argument("--file-csv")
    ap.add_argument("--excluded")
    ap.add_argument("--classes")
    ap.add_argument("--json")
    ap.add_argument("--md")
    a = ap.parse_args()

    report = json.load(open(os.path.join(a.site, "report.json"), encoding="utf-8"))
    # excluded-files.tsv paths are repository paths (cpp-docs: docs/...), compared case-insensitively
    # (cpp-docs links to codesnippet/cpp/ while the file is codesnippet/CPP/: docfx builds on Windows)
    excluded = set()
    if a.excluded and os.path.exists(a.excluded):
        for line in open(a.excluded, encoding="utf-8"):
            if line.strip():
                e = line.split("\t")[0].lower()
                excluded.add(e)
                if e.startswith("docs/"):
                    excluded.add(e[len("docs/"):])
    rules = load_classes(a.classes, a.corpus)

    base_path = urllib.parse.urlsplit(report["site"].get("baseUrl") or "").path.rstrip("/")
    links, ids, srcsets = parse_site(a.site, base_path)
    # srcset candidates: linkchecker does not read <source srcset>, so check them on disk here
    srcset_missing = []
    for l in srcsets:
        f = os.path.join(a.site, l["raw_path"].lstrip("/"))
        if os.path.isdir(f):
            f = os.path.join(f, "index.html")
        if not os.path.isfile(f):
            srcset_missing.append(l)
    by_path = defaultdict(list)
    for l in links:
        by_path[l["path"]].append(l)

    # several http CSVs may be given (cpp-docs: an AnchorCheck run cut off by time + a full run without
    # anchors); their failures are merged
    broken, anchors, other_warn, visited, checked, rows = {}, {}, [], set(), set(), []
    for path_csv, anchors_on in [(x, True) for x in a.http_csv] + [(x, False) for x in (a.http_csv_noanchor or [])]:
        rws = read_lc_csv(path_csv)
        if not rws:
            continue
        host = re.match(r"(http://[^/]+)/", rws[0]["url"]).group(1)
        b, an, ow, v = lc_failures(rws, host + base_path + "/", checked, anchors_on)
        for k, v2 in b.items():
            broken.setdefault(k, v2)
        for k, v2 in an.items():
            anchors.setdefault(k, v2)
        other_warn += ow
        visited |= v
        rows += rws

    # checker keys, attributed to every linking page
    C = {}  # key -> dict(kind, lines, content)
    for path in broken:
        hits = by_path.get(path, [])
        for l in hits:
            k = (l["page"], path, "")
            C.setdefault(k, {"kind": "404", "lines": [], "content": False, "href": l["href"]})
            C[k]["lines"].append(l["line"]); C[k]["content"] |= l["content"]
        if not hits:
            C.setdefault(("?", path, ""), {"kind": "404", "lines": [], "content": True, "href": "?"})
    for (path, frag) in anchors:
        hits = [l for l in by_path.get(path, []) if l["frag"] == frag]
        for l in hits:
            k = (l["page"], path, frag)
            C.setdefault(k, {"kind": "anchor", "lines": [], "content": False, "href": l["href"]})
            C[k]["lines"].append(l["line"]); C[k]["content"] |= l["content"]
        if not hits:
            C.setdefault(("?", path, frag), {"kind": "anchor", "lines": [], "content": True, "href": "?"})

    content_anchor_urls = {(l["path"], l["frag"]) for l in links if l["frag"] and l["content"] is True}
    dps, notes, other_rules = dp_findings(report)
    D = defaultdict(list)
    for f in dps:
        D[(f["page"], f["path"], f["frag"])].append(f)

    matched = sorted(set(D) & set(C))
    dp_only = sorted(set(D) - set(C))
    lc_only = sorted(set(C) - set(D))

    def is_excluded(k):
        fs = D.get(k, [])
        return any((f.get("resolved") or "").lower() in excluded for f in fs)

    diffs = []
    for k in dp_only:
        fs = D[k]
        page_links = [l for l in by_path.get(k[1], []) if l["page"] == k[0] and (not k[2] or l["frag"] == k[2])]
        c = classify(rules, "docpulse-only", k[0], k[1], k[2])
        if c is None:
            if k[0] is None or norm_path(k[0]) not in visited:
                c = ("c", "checker never fetched the source page")
            elif (k[1], k[2] if k[2] else None) not in checked:
                c = ("c", "linkchecker never checked this URL (its run was cut off before it got there)")
            elif not page_links:
                c = ("?", "UNCLASSIFIED: the built page has no link to this target")
            else:
                c = ("?", "UNCLASSIFIED: candidate docpulse false positive")
        for f in fs:
            diffs.append({"side": "docpulse-only", "class": c[0], "note": c[1], "page": k[0],
                          "target": k[1] + ("#" + k[2] if k[2] else ""),
                          "where": f"{f['file']}:{f['line']}", "rule": f["rule"], "written": f["target"]})
    for k in lc_only:
        info = C[k]
        c = classify(rules, "checker-only", k[0], k[1], k[2])
        if c is None:
            tids = ids.get(k[1], set())
            if info["kind"] == "anchor" and k[2].lower() in ("readme", "top"):
                c = ("d", f"`#{k[2]}`: GitHub convention, accepted by the spec (no id on the page)")
            elif info["kind"] == "anchor" and any(i.lower() == k[2].lower() for i in tids):
                c = ("d", "anchor differs from an id only in capitals: accepted by the spec (theme script follows it)")
            elif not info["content"]:
                c = ("?", "UNCLASSIFIED: theme link (outside <article>) fails")
            else:
                c = ("?", "UNCLASSIFIED: candidate docpulse miss")
        diffs.append({"side": "checker-only", "class": c[0], "note": c[1], "page": k[0],
                      "target": k[1] + ("#" + k[2] if k[2] else ""),
                      "where": f"{k[0]} (html line {','.join(map(str, sorted(set(info['lines']))))})",
                      "rule": info["kind"], "written": info["href"]})

    for l in srcset_missing:
        k = (l["page"], l["path"], "")
        if k in D:
            continue
        c = classify(rules, "srcset", l["page"], l["path"], "") or \
            ("b", "UNCLASSIFIED: <img>/<source> srcset target missing from the built site; docpulse has no finding")
        diffs.append({"side": "srcset-scan", "class": c[0], "note": c[1], "page": l["page"], "target": l["path"],
                      "where": f"{l['page']} (html line {l['line']})", "rule": "srcset", "written": l["href"]})

    # file:// run: which failures it saw, and what it could not check
    file_summary = None
    frows = read_lc_csv(a.file_csv)
    if frows is not None:
        fprefix = "file://" + os.path.abspath(a.site).rstrip("/") + "/"
        fb, fa, fo, fv = lc_failures(frows, fprefix)
        dir_anchor = [o for o in fo if "is a directory with an anchor" in o[3]]
        file_summary = {
            "broken_urls": len(fb), "anchor_urls": len(fa),
            "broken_also_in_http": len(set(fb) & set(broken)), "anchors_also_in_http": len(set(fa) & set(anchors)),
            "broken_not_in_http": sorted(set(fb) - set(broken)),
            "http_broken_not_in_file": sorted(set(broken) - set(fb)),
            "http_anchors_not_in_file": len(set(anchors) - set(fa)),
            "directory_anchor_unchecked": len(dir_anchor),
            "other_warnings": Counter(o[3][:60] for o in fo if "is a directory with an anchor" not in o[3]),
            "rows": len(frows),
        }

    site_pages = {norm_path(urllib.parse.urlsplit(p["url"]).path) for p in report["pages"]}
    if base_path:
        site_pages = {norm_path(p[len(base_path):]) if p.startswith(base_path) else p for p in site_pages}
    res = {
        "corpus": a.corpus,
        "docpulse_by_rule": dict(Counter(f["rule"] for f in dps) + Counter(n["rule"] for n in notes) + other_rules),
        "docpulse_link_findings": len(dps),
        "docpulse_keys": len(D),
        "docpulse_excluded": sum(1 for f in dps if (f.get("resolved") or "").lower() in excluded),
        "checker_rows": len(rows),
        "checker_broken_urls": len(broken),
        "checker_anchor_urls": len(anchors),
        "checker_keys": len(C),
        "content_anchor_urls": len(content_anchor_urls),
        "content_anchor_urls_checked": len(content_anchor_urls & checked),
        "srcset_candidates": len(srcsets),
        "srcset_missing": len(srcset_missing),
        "checker_other_warnings": dict(Counter(o[3][:70] for o in other_warn)),
        "pages_in_report": len(site_pages),
        "pages_visited_by_checker": len(site_pages & visited),
        "pages_not_visited": sorted(site_pages - visited)[:20],
        "matched_keys": len(matched),
        "matched_excluded_keys": sum(1 for k in matched if is_excluded(k)),
        "matched": [{"page": k[0], "target": k[1] + ("#" + k[2] if k[2] else ""),
                     "rules": sorted({f["rule"] for f in D[k]}), "n_docpulse": len(D[k]),
                     "excluded": is_excluded(k)} for k in matched],
        "differences": diffs,
        "differences_by_class": {f"{s}/{c}": n for (s, c), n in Counter((d["side"], d["class"]) for d in diffs).items()},
        "notes": [{"rule": n["rule"], "where": f"{n['file']}:{n['line']}", "target": n["target"]} for n in notes],
        "file_mode": file_summary,
    }
    if a.json:
        with open(a.json, "w", encoding="utf-8") as fh:
            json.dump(res, fh, indent=1, default=list)
    md = render_md(res)
    if a.md:
        with open(a.md, "w", encoding="utf-8") as fh:
            fh.write(md)
    sys.stdout.write(md)


def render_md(r):
    L = [f"### {r['corpus']}", ""]
    L.append("| what | count |")
    L.append("| --- | --- |")
    L.append("| docpulse findings by rule | " + ", ".join(f"{k} {v}" for k, v in sorted(r["docpulse_by_rule"].items())) + " |")
    L.append(f"| docpulse link findings compared (errors/warnings) | {r['docpulse_link_findings']} on {r['docpulse_keys']} (page, target) keys |")
    L.append(f"| of these on excluded files (excluded-files.tsv) | {r['docpulse_excluded']} |")
    L.append(f"| linkchecker (http) failing URLs | {r['checker_broken_urls']} not found + {r['checker_anchor_urls']} missing anchors = {r['checker_keys']} (page, target) keys after attribution |")
    L.append(f"| pages fetched by linkchecker | {r['pages_visited_by_checker']} of {r['pages_in_report']} |")
    L.append(f"| distinct `page#anchor` URLs in page content, checked by an AnchorCheck run | {r['content_anchor_urls_checked']} of {r['content_anchor_urls']} |")
    L.append(f"| srcset URLs (not read by linkchecker for <source>; checked on disk by analyze.py) | {r['srcset_candidates']}, missing {r['srcset_missing']} |")
    L.append(f"| matched keys | {r['matched_keys']} ({r['matched_excluded_keys']} on excluded files) |")
    for k, v in sorted(r["differences_by_class"].items()):
        L.append(f"| difference {k} | {v} |")
    if r["checker_other_warnings"]:
        L.append("| linkchecker other warnings | " + "; ".join(f"{k} x{v}" for k, v in r["checker_other_warnings"].items()) + " |")
    fm = r.get("file_mode")
    if fm:
        L.append(f"| linkchecker file:// run | {fm['broken_urls']} not found ({fm['broken_also_in_http']} also in http run), "
                 f"{fm['anchor_urls']} missing anchors ({fm['anchors_also_in_http']} also in http run); "
                 f"{fm['directory_anchor_unchecked']} `dir/#anchor` URLs it cannot check; "
                 f"{fm['http_anchors_not_in_file']} http-run anchor failures it misses |")
    L.append("")
    m_in = [m for m in r["matched"] if not m["excluded"]]
    if m_in:
        L.append(f"Matched, not on excluded files ({len(m_in)} keys; both tools report them):")
        L.append("")
        for m in m_in[:60]:
            L.append(f"- {m['page']} -> `{m['target']}` ({', '.join(m['rules'])}" + (f", x{m['n_docpulse']}" if m["n_docpulse"] > 1 else "") + ")")
        if len(m_in) > 60:
            L.append(f"- ... {len(m_in) - 60} more in the JSON file")
        L.append("")
    diffs = r["differences"]
    grouped = defaultdict(list)
    for d in diffs:
        if d["class"] == "d":
            grouped[(d["side"], d["note"])].append(d)
    if grouped:
        L.append("Expected differences (class d), grouped:")
        L.append("")
        L.append("| side | count | explanation | examples (page -> target) |")
        L.append("| --- | ---: | --- | --- |")
        for (side, note), ds in sorted(grouped.items()):
            ex = "; ".join(f"{d['page']} -> `{d['target']}`" for d in ds[:3])
            L.append(f"| {side} | {len(ds)} | {note} | {ex} |")
        L.append("")
    indiv = [d for d in diffs if d["class"] != "d"]
    if indiv:
        L.append("Every other difference:")
        L.append("")
        L.append("| side | class | where | target (as written) | rule | explanation |")
        L.append("| --- | --- | --- | --- | --- | --- |")
        for d in sorted(indiv, key=lambda d: (d["side"], d["class"], d["where"])):
            L.append(f"| {d['side']} | {d['class']} | {d['where']} | `{d['target']}` (`{d['written']}`) | {d['rule']} | {d['note']} |")
        L.append("")
    return "\n".join(L) + "\n"


if __name__ == "__main__":
    main()
