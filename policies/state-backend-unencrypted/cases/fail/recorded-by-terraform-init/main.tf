# Partial configuration: the rest comes from `terraform init -backend-config=…`.
terraform {
  backend "s3" {}
}
