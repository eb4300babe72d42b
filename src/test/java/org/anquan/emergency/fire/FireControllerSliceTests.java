package org.anquan.emergency.fire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.anquan.directory.Directory;
import org.anquan.platform.files.TabularImport;
import org.anquan.platform.security.Role;
import org.anquan.platform.security.TestPrincipals;
import org.anquan.platform.web.WebSlice;
import org.anquan.shared.BusinessException;
import org.anquan.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The fire page's upload in a web slice (no database, the domain mocked): the permission is checked
 * before anything runs, and every kind of refusal comes back to the page the one way (Actions.run).
 */
@WebMvcTest(controllers = FireController.class, excludeFilters = @ComponentScan.Filter(
        type = FilterType.REGEX, pattern = "org\\.anquan\\.(directory|hazards|supervision|workbench)\\..*"))
@Import(WebSlice.class)
class FireControllerSliceTests {

    @MockitoBean FireDanger fire;
    @MockitoBean Directory directory;

    @Autowired MockMvc mvc;

    MvcResult upload(Role role) throws Exception {
        return mvc.perform(multipart("/fire/observations").file(new MockMultipartFile("file", "obs.csv", "text/csv",
                "站号,日期\n".getBytes(StandardCharsets.UTF_8))).with(TestPrincipals.as(role)).with(csrf())).andReturn();
    }

    /** The flash as a map (a FlashMap is also Comparable, which AssertJ cannot choose between). */
    static Map<String, Object> flash(MvcResult r) {
        return r.getFlashMap();
    }

    @Test
    void aRoleWithoutTheFireDataPermissionIsRefusedBeforeTheFileIsRead() throws Exception {
        assertThat(upload(Role.COUNTY_OFFICER).getResponse().getStatus()).isEqualTo(403);
        assertThat(upload(Role.LEADER).getResponse().getStatus()).isEqualTo(403);
        verify(fire, never()).importObservations(any(byte[].class), anyString(), any());
    }

    @Test
    void aFileRefusedWholeComesBackInWordsWithItsArguments() throws Exception {
        when(fire.importObservations(any(byte[].class), anyString(), any()))
                .thenThrow(new BusinessException("import.csv.encoding.named", "GBK / GB18030"));
        MvcResult r = upload(Role.CITY_ADMIN);
        assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/fire");
        assertThat(flash(r)).containsEntry("errorKey", "import.csv.encoding.named");
        assertThat((Object[]) r.getFlashMap().get("errorArgs")).containsExactly("GBK / GB18030");
        assertThat(flash(r)).doesNotContainKey("imported");
    }

    @Test
    void severalRefusedFieldsComeBackTogether() throws Exception {
        when(fire.importObservations(any(byte[].class), anyString(), any()))
                .thenThrow(new InvalidInputException(Map.of("station", "validation.required", "date", "validation.required")));
        MvcResult r = upload(Role.DUTY_OFFICER);
        assertThat(flash(r)).containsEntry("errorKey", "form.has.errors");
        assertThat(r.getFlashMap().get("fieldErrors")).isEqualTo(Map.of("station", "validation.required", "date", "validation.required"));
    }

    @Test
    void anAllOrNoneImportRefusedForItsLinesNamesEachLine() throws Exception {
        var lines = List.of(new TabularImport.Rejected(3, "缺少数值"), new TabularImport.Rejected(7, "日期不正确"));
        when(fire.importObservations(any(byte[].class), anyString(), any())).thenThrow(new TabularImport.Refused(lines));
        MvcResult r = upload(Role.CITY_ADMIN);
        assertThat(flash(r)).containsEntry("errorKey", "import.refused").containsEntry("rejectedLines", lines);
    }
}
