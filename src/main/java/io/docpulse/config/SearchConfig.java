package io.docpulse.config;

/**
 * The {@code search:} section of {@code docpulse.yml}.
 *
 * @param vectors       {@code search.vectors}: rank {@code search} and findability by meaning too, with a
 *                      sentence-embedding model from {@code docpulse-vectors.jar} (see decision 0008)
 * @param lexicalWeight {@code search.lexical_weight}: the lexical score's share of the hybrid ranking, 0 to 1
 *                      (the cosine gets the rest)
 * @param vectorsLine   the 1-based line of {@code search.vectors} in the config file, 0 when not set
 */
public record SearchConfig(boolean vectors, double lexicalWeight, int vectorsLine) {
    public static SearchConfig defaults() {
        return new SearchConfig(false, 0.3, 0);
    }
}
