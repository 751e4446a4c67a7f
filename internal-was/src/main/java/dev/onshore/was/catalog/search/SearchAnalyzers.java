package dev.onshore.was.catalog.search;

import dev.onshore.was.catalog.internal.*;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.apache.lucene.analysis.th.ThaiAnalyzer;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * One analyzer per shop language, named by its ISO 639-1 code: Korean morphology (Nori), Chinese word segmentation
 * (smartcn), Japanese morphology (Kuromoji), Indonesian stemming (also for Malay, which shares most affixes), Thai word breaking, English
 * stemming. Public only because Hibernate Search instantiates it by name (see application.yml).
 *
 * <p>Thai text also goes through {@value #THAI_GRAMS}: the word breaker knows only its dictionary and glues a
 * loanword it does not know to the word after it ("ลูทีนบำรุงสายตา", lutein for the eyes, is read as "ลูทีนบำรุง" +
 * "สายตา"), so a shopper's "ลูทีน" would never match. Every two neighbouring Thai characters make a term instead, one
 * position apart, so that a phrase of them finds any stretch of Thai text, known word or not.
 */
public class SearchAnalyzers implements LuceneAnalysisConfigurer {

    /** The analyzer of Thai text as overlapping character pairs (Thai script only; other characters part runs). */
    static final String THAI_GRAMS = "th_grams";

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer("en").instance(new EnglishAnalyzer());
        context.analyzer("ko").instance(new KoreanAnalyzer());
        context.analyzer("id").instance(new IndonesianAnalyzer());
        context.analyzer("ms").instance(new IndonesianAnalyzer());
        context.analyzer("zh").instance(new SmartChineseAnalyzer());
        context.analyzer("ja").instance(new JapaneseAnalyzer());
        context.analyzer("th").instance(new ThaiAnalyzer());
        context.analyzer(THAI_GRAMS).instance(new ThaiBigrams());
    }

    /**
     * Thai runs as bigrams of code points (a vowel or tone mark counts as one, as it is typed). The tokenizer's grams
     * each take the next position, unlike NGramTokenFilter's, which stacks them on one: that is what lets a phrase
     * query ask for them in order.
     */
    private static final class ThaiBigrams extends Analyzer {

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            return new TokenStreamComponents(new NGramTokenizer(2, 2) {
                @Override
                protected boolean isTokenChar(int chr) {
                    return Character.UnicodeScript.of(chr) == Character.UnicodeScript.THAI;
                }
            });
        }
    }
}
