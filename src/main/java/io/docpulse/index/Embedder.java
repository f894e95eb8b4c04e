package io.docpulse.index;

import java.nio.file.Path;
import java.util.List;

/**
 * A sentence-embedding model: turns texts into vectors that are close when the texts mean the same.
 * docpulse itself holds no model; {@code docpulse-vectors.jar} provides one through
 * {@link java.util.ServiceLoader} (see {@link Vectors}), loaded only when {@code search.vectors} is on.
 */
public interface Embedder {
    /** Names the model and how it embeds, without loading it: part of every cache key. */
    String model();

    /**
     * One unit-length vector per text, in order. Each text is embedded on its own, so a text's vector
     * depends on that text alone, whatever the other texts and the number of threads. The model is
     * loaded on the first call.
     *
     * @param texts     what to embed
     * @param threads   how many texts to embed at a time
     * @param nativeDir a folder where the model's native libraries may be unpacked (inside the cache folder)
     */
    List<float[]> embed(List<String> texts, int threads, Path nativeDir);
}
