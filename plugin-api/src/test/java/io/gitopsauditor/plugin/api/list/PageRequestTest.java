package io.gitopsauditor.plugin.api.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitopsauditor.plugin.api.ProblemException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

class PageRequestTest {
    private static final ListSpec SPEC = ListSpec.sortable("-risk,name", "name", "risk", "age");

    @Test
    void absentValuesTakeTheDefaults() {
        PageRequest request = PageRequest.parse(SPEC, null, "", null);
        assertThat(request.offset()).isZero();
        assertThat(request.limit()).isEqualTo(50);
        assertThat(request.sortText()).isEqualTo("-risk,name");
    }

    @Test
    void sortIsCommaSeparatedFieldsWithALeadingDashForDescending() {
        PageRequest request = PageRequest.parse(SPEC, "20", "10", " age , -name");
        assertThat(request.sort()).containsExactly(new SortKey("age", false), new SortKey("name", true));
        assertThat(request.sortText()).isEqualTo("age,-name");
    }

    @Test
    void unknownSortFieldIsABadRequestNamingTheAllowedFields() {
        assertThatThrownBy(() -> PageRequest.parse(SPEC, null, null, "-size"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("name, risk, age").hasMessageContaining("-size");
        assertThatThrownBy(() -> PageRequest.parse(SPEC, null, null, "name,,risk")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> PageRequest.parse(SPEC, null, null, "name,-name")).hasMessageContaining("twice");
    }

    @Test
    void limitAboveTheEndpointsMaximumOrNotANumberIsABadRequestNamingTheRange() {
        assertThatThrownBy(() -> PageRequest.parse(SPEC, null, "501", null)).hasMessageContaining("from 1 to 500");
        assertThatThrownBy(() -> PageRequest.parse(SPEC.withMaxLimit(5000), null, "5001", null)).hasMessageContaining("5000");
        assertThatThrownBy(() -> PageRequest.parse(SPEC, null, "ten", null)).hasMessageContaining("got 'ten'");
        assertThatThrownBy(() -> PageRequest.parse(SPEC, "-1", null, null)).hasMessageContaining("offset must be a whole number 0 or more");
    }

    @Test
    void defaultSortMustUseSortableFields() {
        assertThatThrownBy(() -> ListSpec.sortable("-size", "name")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sliceSortsByEveryKeyThenCutsThePageAndCountsAllMatches() {
        record Repo(String name, int risk) {
        }
        List<Repo> repos = List.of(new Repo("b", 1), new Repo("a", 2), new Repo("c", 2), new Repo("d", 0));
        Map<String, Comparator<Repo>> orders = Map.of("name", Comparator.comparing(Repo::name),
                "risk", Comparator.comparingInt(Repo::risk), "age", Comparator.comparingInt(Repo::risk));
        Page<Repo> page = PageRequest.parse(SPEC, "1", "2", null).slice(repos, orders);
        assertThat(page.items()).extracting(Repo::name).containsExactly("c", "b");
        assertThat(page.total()).isEqualTo(4);
        assertThat(page.offset()).isEqualTo(1);
        assertThat(page.limit()).isEqualTo(2);
        assertThat(page.sort()).isEqualTo("-risk,name");
        assertThat(PageRequest.parse(SPEC, "10", null, null).slice(repos, orders).items()).isEmpty();
    }

    @Test
    void orderByTurnsTheKeysIntoJooqSortFields() {
        Field<String> name = DSL.field(DSL.name("name"), String.class);
        Field<Integer> risk = DSL.field(DSL.name("risk"), Integer.class);
        assertThat(PageRequest.parse(SPEC, null, null, null).orderBy(Map.of("name", name, "risk", risk, "age", risk)))
                .containsExactly(risk.desc(), name.asc());
    }
}
