package dev.onshore.was.catalog.search;

import dev.onshore.was.catalog.internal.*;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.analysis.th.ThaiAnalyzer;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * One analyzer per shop language, named by its ISO 639-1 code: Korean morphology (Nori), Chinese word segmentation
 * (smartcn), Japanese morphology (Kuromoji), Indonesian stemming (also for Malay, which shares most affixes), Thai word breaking, English
 * stemming. Public only because Hibernate Search instantiates it by name (see application.yml).
 */
public class SearchAnalyzers implements LuceneAnalysisConfigurer {

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer("en").instance(new EnglishAnalyzer());
        context.analyzer("ko").instance(new KoreanAnalyzer());
        context.analyzer("id").instance(new IndonesianAnalyzer());
        context.analyzer("ms").instance(new IndonesianAnalyzer());
        context.analyzer("zh").instance(new SmartChineseAnalyzer());
        context.analyzer("ja").instance(new JapaneseAnalyzer());
        context.analyzer("th").instance(new ThaiAnalyzer());
    }
}
