package io.docpulse.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import io.docpulse.content.Page;
import io.docpulse.content.Section;

/**
 * The section vectors of the index, as {@link KnnFloatVectorField}s (HNSW, dot product of unit
 * vectors), in a Lucene index of their own in the index folder ({@code vectors/}). Its documents
 * line up with the lexical index's: document {@code i} holds the vector of the lexical index's
 * document {@code i} (a section, or a page's text before its first heading), so a vector hit is
 * a page and a section as the lexical ones are. It is written by one thread in page order, so its
 * HNSW graph, and with it every ranking, is the same whatever the number of threads.
 */
final class VectorIndex implements Closeable {
    static final String FIELD = "vector";

    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    private VectorIndex(Directory directory) throws IOException {
        this.directory = directory;
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
    }

    static VectorIndex open(Path dir) throws IOException {
        return new VectorIndex(FSDirectory.open(dir));
    }

    /**
     * Writes the vectors of these pages (drafts already left out) in the lexical index's document
     * order: a page (its text before the first heading, or all of it when it has no headings), then
     * its sections that have an id.
     */
    static void write(Path dir, List<Page> pages, Vectors vectors) throws IOException {
        List<String> texts = new ArrayList<>();
        List<Integer> docOfText = new ArrayList<>();
        int doc = 0;
        for (Page p : pages) {
            List<Section> sections = p.sections();
            if (sections.isEmpty()) {
                texts.add(Vectors.text(p));
                docOfText.add(doc);
            } else if (sections.get(0).id().isEmpty()) {
                texts.add(Vectors.text(p, sections.get(0)));
                docOfText.add(doc);
            }
            doc++;
            for (Section s : sections) {
                if (s.id().isEmpty()) continue;
                texts.add(Vectors.text(p, s));
                docOfText.add(doc++);
            }
        }
        List<float[]> vs = vectors.sections(texts);
        float[][] byDoc = new float[doc][];
        for (int i = 0; i < vs.size(); i++) byDoc[docOfText.get(i)] = vs.get(i);
        IndexWriterConfig config = new IndexWriterConfig()
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setMergePolicy(new org.apache.lucene.index.LogDocMergePolicy())
                .setRAMBufferSizeMB(48);
        try (Directory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, config)) {
            for (float[] v : byDoc) {
                Document document = new Document();
                if (v != null) document.add(new KnnFloatVectorField(FIELD, v, VectorSimilarityFunction.DOT_PRODUCT));
                w.addDocument(document);
            }
            w.commit();
        }
    }

    /** Number of documents (the lexical index's number). */
    int documents() {
        return reader.maxDoc();
    }

    /** A document and its cosine with the query. */
    record Near(int doc, float cosine) {
    }

    /** The {@code k} documents nearest to a unit query vector, nearest first. */
    List<Near> nearest(float[] query, int k) throws IOException {
        List<Near> out = new ArrayList<>();
        for (ScoreDoc sd : searcher.search(new KnnFloatVectorQuery(FIELD, query, k), k).scoreDocs) {
            // Lucene scores a dot product of unit vectors as (1 + cosine) / 2
            out.add(new Near(sd.doc, 2 * sd.score - 1));
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }
}
