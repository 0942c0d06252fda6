terraform {
  backend "s3" {
    bucket       = "acme-terraform-state"
    key          = "app/terraform.tfstate"
    region       = "eu-west-1"
    kms_key_id   = "alias/terraform-state"
    use_lockfile = true
  }
}
