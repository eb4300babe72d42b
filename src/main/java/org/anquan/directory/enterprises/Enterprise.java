package org.anquan.directory.enterprises;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** An enterprise under supervision: the aggregate of its facts and its licences. */
@Table("enterprise")
public class Enterprise {

    @Id
    private Long id;
    private String name;
    private String creditCode;
    private String industryCode;
    private long regionId;
    private String regionPath;
    private long countyId;
    private String address;
    private Double lon;
    private Double lat;
    private EnterpriseScale scale;
    private EnterpriseStatus status;
    private String principalName;
    private String principalPhone;
    private String safetyManagerName;
    private String safetyManagerPhone;
    private boolean outsideRegion;
    private String searchText;
    private OffsetDateTime createdAt;
    private OffsetDateTime updatedAt;
    @Version
    private Integer version;
    @MappedCollection(idColumn = "enterprise_id", keyColumn = "idx")
    private List<Licence> licences = new ArrayList<>();

    @PersistenceCreator
    Enterprise() {
    }

    public static Enterprise register(EnterpriseDetails d, Clock clock) {
        Enterprise e = new Enterprise();
        e.apply(d);
        e.createdAt = OffsetDateTime.now(clock);
        e.updatedAt = e.createdAt;
        return e;
    }

    /** Applies an edit made against {@code expectedVersion}; a stale edit is refused. */
    public void update(EnterpriseDetails d, int expectedVersion, Clock clock) {
        if (version == null || version != expectedVersion) {
            throw new OptimisticLockingFailureException("enterprise " + id + " changed");
        }
        apply(d);
        updatedAt = OffsetDateTime.now(clock);
    }

    private void apply(EnterpriseDetails d) {
        name = d.name();
        creditCode = d.creditCode();
        industryCode = d.industryCode();
        regionId = d.regionId();
        regionPath = d.regionPath();
        countyId = d.countyId();
        address = d.address();
        lon = d.lon();
        lat = d.lat();
        scale = d.scale();
        status = d.status();
        principalName = d.principalName();
        principalPhone = d.principalPhone();
        safetyManagerName = d.safetyManagerName();
        safetyManagerPhone = d.safetyManagerPhone();
        outsideRegion = d.outsideRegion();
        licences = new ArrayList<>(d.licences() == null ? List.of() : d.licences());
        searchText = searchTextOf(name, address);
    }

    /** What the list's text filter matches: name and address, lower-cased. */
    public static String searchTextOf(String name, String address) {
        String text = (name + " " + (address == null ? "" : address)).toLowerCase(Locale.ROOT);
        return text.length() > 600 ? text.substring(0, 600) : text;
    }

    public EnterpriseDetails details() {
        return new EnterpriseDetails(name, creditCode, industryCode, regionId, regionPath, countyId, address, lon, lat, scale,
                status, principalName, principalPhone, safetyManagerName, safetyManagerPhone, outsideRegion,
                List.copyOf(licences));
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getCreditCode() { return creditCode; }
    public String getIndustryCode() { return industryCode; }
    public long getRegionId() { return regionId; }
    public String getRegionPath() { return regionPath; }
    public long getCountyId() { return countyId; }
    public String getAddress() { return address; }
    public Double getLon() { return lon; }
    public Double getLat() { return lat; }
    public EnterpriseScale getScale() { return scale; }
    public EnterpriseStatus getStatus() { return status; }
    public String getPrincipalName() { return principalName; }
    public String getPrincipalPhone() { return principalPhone; }
    public String getSafetyManagerName() { return safetyManagerName; }
    public String getSafetyManagerPhone() { return safetyManagerPhone; }
    public boolean isOutsideRegion() { return outsideRegion; }
    public String getSearchText() { return searchText; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public OffsetDateTime getUpdatedAt() { return updatedAt; }
    public Integer getVersion() { return version; }
    public List<Licence> getLicences() { return List.copyOf(licences); }
}
