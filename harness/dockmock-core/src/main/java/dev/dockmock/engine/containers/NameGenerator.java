package dev.dockmock.engine.containers;

import java.util.List;
import java.util.function.Predicate;

/** Docker-style random names ({@code eager_turing}), derived from the container id so runs repeat. */
public final class NameGenerator {
    private static final List<String> ADJECTIVES = List.of("admiring", "adoring", "affectionate", "agitated", "amazing",
            "angry", "awesome", "beautiful", "blissful", "bold", "boring", "brave", "busy", "charming", "clever", "compassionate",
            "competent", "condescending", "confident", "cool", "cranky", "crazy", "dazzling", "determined", "distracted",
            "dreamy", "eager", "ecstatic", "elastic", "elated", "elegant", "eloquent", "epic", "exciting", "fervent",
            "festive", "flamboyant", "focused", "friendly", "frosty", "funny", "gallant", "gifted", "goofy", "gracious",
            "great", "happy", "hardcore", "heuristic", "hopeful", "hungry", "infallible", "inspiring", "intelligent",
            "interesting", "jolly", "jovial", "keen", "kind", "laughing", "loving", "lucid", "magical", "modest", "musing",
            "mystifying", "naughty", "nervous", "nice", "nifty", "nostalgic", "objective", "optimistic", "peaceful",
            "pedantic", "pensive", "practical", "priceless", "quirky", "quizzical", "recursing", "relaxed", "reverent",
            "romantic", "sad", "serene", "sharp", "silly", "sleepy", "stoic", "strange", "stupefied", "suspicious", "sweet",
            "tender", "thirsty", "trusting", "upbeat", "vibrant", "vigilant", "vigorous", "wizardly", "wonderful",
            "xenodochial", "youthful", "zealous", "zen");
    private static final List<String> SCIENTISTS = List.of("albattani", "allen", "almeida", "archimedes", "ardinghelli",
            "babbage", "banach", "bardeen", "bartik", "bassi", "bell", "benz", "bhabha", "blackwell", "bohr", "booth",
            "borg", "bose", "brahmagupta", "brattain", "brown", "carson", "cerf", "chandrasekhar", "clarke", "colden",
            "cori", "cray", "curie", "darwin", "davinci", "dijkstra", "dubinsky", "easley", "einstein", "elgamal", "elion",
            "engelbart", "euclid", "euler", "fermat", "fermi", "feynman", "franklin", "galileo", "gates", "goldberg",
            "goldstine", "golick", "goodall", "hamilton", "hawking", "heisenberg", "hermann", "hodgkin", "hofstadter",
            "hopper", "hypatia", "jackson", "jennings", "jepsen", "johnson", "joliot", "jones", "kalam", "kepler",
            "khorana", "kilby", "knuth", "lalande", "lamarr", "lamport", "leakey", "leavitt", "lovelace", "lumiere",
            "mahavira", "mayer", "mccarthy", "mcclintock", "meitner", "mendel", "minsky", "mirzakhani", "montalcini",
            "moore", "morse", "napier", "nash", "newton", "nobel", "noether", "northcutt", "noyce", "pascal", "pasteur",
            "payne", "perlman", "pike", "poincare", "ptolemy", "raman", "ramanujan", "ride", "ritchie", "rosalind",
            "sammet", "shannon", "shirley", "sinoussi", "snyder", "stonebraker", "swanson", "tesla", "thompson",
            "torvalds", "turing", "varahamihira", "villani", "wescoff", "wilbur", "wiles", "williams", "wilson", "wing",
            "wozniak", "wright", "yalow", "yonath");

    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000};

    private NameGenerator() {
    }

    /** A free name such as {@code admiring_turing}, chosen from the hex {@code id} as dockerd's name generator would. */
    public static String generate(String id, Predicate<String> taken) {
        return generate(id, taken, 0);
    }

    /**
     * A free name, as {@link #generate(String, Predicate)}, among {@code existing} names already
     * taken: when they crowd the plain names, the search starts at numbered ones whose range is
     * at least four times as large, so one try usually finds a free name.
     */
    public static String generate(String id, Predicate<String> taken, int existing) {
        long seed = seed(id);
        for (int attempt = firstAttempt(existing); ; attempt++) {
            long mix = seed + attempt * 0x9E3779B97F4A7C15L;
            String name = pair(mix);
            if (attempt > 0) {
                // As dockerd does on a retry, a number after the name; its range grows with the
                // attempts, so thousands of containers do not keep colliding on the same few.
                name += Math.floorMod(mix >>> 32, suffixes(attempt));
            }
            if (!taken.test(name)) {
                return name;
            }
        }
    }

    /** Whether a plain name is tried first while {@code existing} names are taken: they do not crowd the plain ones yet. */
    static boolean plainFirst(int existing) {
        return firstAttempt(existing) == 0;
    }

    /** The name without a number that {@link #generate} tries first for {@code id}. */
    static String plain(String id) {
        return pair(seed(id));
    }

    /** {@code id}'s plain name followed by {@code number}: unique whenever the number is. */
    static String numbered(String id, long number) {
        return pair(seed(id)) + number;
    }

    private static String pair(long mix) {
        return ADJECTIVES.get((int) Math.floorMod(mix, (long) ADJECTIVES.size())) + "_"
                + SCIENTISTS.get((int) Math.floorMod(mix >>> 20, (long) SCIENTISTS.size()));
    }

    /** The first 15 hex digits of the id as a number (ids that are not hex: their hash). */
    private static long seed(String id) {
        long seed = 0;
        for (int i = 0; i < 15; i++) {
            int digit = i < id.length() ? Character.digit(id.charAt(i), 16) : -1;
            if (digit < 0) {
                return id.hashCode();
            }
            seed = seed << 4 | digit;
        }
        return seed;
    }

    private static long suffixes(int attempt) {
        return POWERS_OF_TEN[Math.min(1 + attempt / 3, POWERS_OF_TEN.length - 1)];
    }

    private static int firstAttempt(int existing) {
        long plain = (long) ADJECTIVES.size() * SCIENTISTS.size();
        if (existing * 4L <= plain) {
            return 0;
        }
        int attempt = 1;
        while (plain * suffixes(attempt) < existing * 4L && suffixes(attempt) < POWERS_OF_TEN[POWERS_OF_TEN.length - 1]) {
            attempt += 3;
        }
        return attempt;
    }
}
