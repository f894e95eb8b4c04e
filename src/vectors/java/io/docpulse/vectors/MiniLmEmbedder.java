package io.docpulse.vectors;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import io.docpulse.index.Embedder;

/**
 * all-MiniLM-L6-v2 (int8) on ONNX Runtime, as langchain4j packages it: the model of decision 0008.
 * Only in {@code docpulse-vectors.jar}, which docpulse loads when {@code search.vectors} is on.
 */
public final class MiniLmEmbedder implements Embedder {
    private AllMiniLmL6V2QuantizedEmbeddingModel model;
    private ExecutorService executor;

    @Override
    public String model() {
        return "all-MiniLM-L6-v2-q (langchain4j-embeddings 1.19.0-beta29)";
    }

    @Override
    public List<float[]> embed(List<String> texts, int threads, Path nativeDir) {
        if (texts.isEmpty()) return List.of();
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (String t : texts) segments.add(TextSegment.from(t.isBlank() ? "." : t));
        List<float[]> out = new ArrayList<>(texts.size());
        for (Embedding e : model(threads, nativeDir).embedAll(segments).content()) out.add(unit(e.vector()));
        return out;
    }

    private synchronized AllMiniLmL6V2QuantizedEmbeddingModel model(int threads, Path nativeDir) {
        if (model != null) return model;
        // the tokenizer's native library is unpacked under DJL's cache folder (~/.djl.ai by default):
        // keep it in docpulse's cache folder, and never let DJL go online
        if (System.getProperty("ENGINE_CACHE_DIR") == null && System.getenv("ENGINE_CACHE_DIR") == null) {
            System.setProperty("ENGINE_CACHE_DIR", nativeDir.toAbsolutePath().toString());
        }
        System.setProperty("ai.djl.offline", "true");
        // langchain4j reads the model from the thread's context class loader: this jar's
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(MiniLmEmbedder.class.getClassLoader());
        try {
            executor = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
                Thread th = new Thread(r, "docpulse-embed");
                th.setDaemon(true);
                return th;
            });
            model = new AllMiniLmL6V2QuantizedEmbeddingModel(executor);
            return model;
        } finally {
            t.setContextClassLoader(before);
        }
    }

    private static float[] unit(float[] v) {
        double n = 0;
        for (float x : v) n += (double) x * x;
        double len = Math.sqrt(n);
        float[] u = new float[v.length];
        for (int i = 0; i < v.length; i++) u[i] = len == 0 ? 0f : (float) (v[i] / len);
        return u;
    }
}
