package org.anquan.directory.enterprises;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;

/**
 * The directory's settings (defaults in {@code application.yml}).
 *
 * @param searchCandidateIds a name search whose rarest bigram names at most this many enterprises reads them by id;
 *                           a commoner one is filtered in a subquery
 * @param importing          imports of enterprises
 */
@ConfigurationProperties("anquan.directory")
record DirectoryProperties(int searchCandidateIds, @Name("import") Import importing) {

    /** @param backgroundRows a file of more rows is imported in the background */
    public record Import(int backgroundRows) {
    }
}
